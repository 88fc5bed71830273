package medic.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The moments of an incident's life, in seconds since the test started, printed at the end. */
final class Timeline {
    private final long start = System.nanoTime();
    private final List<String> events = new ArrayList<>();

    void mark(String event) {
        events.add(String.format(Locale.ROOT, "%7.1f s  %s", (System.nanoTime() - start) / 1e9, event));
    }

    String render() {
        return "timeline of the incident (seconds since the test started):\n  " + String.join("\n  ", events);
    }
}

package medic.remote;

import java.time.Duration;

/** Durations as people write them in messages: {@code 1.5s}, {@code 250ms}. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}

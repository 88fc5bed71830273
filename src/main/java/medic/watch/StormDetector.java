package medic.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies a {@link WatchPolicy} per host: keeps the failures seen within the window, and opens an incident when
 * they reach the threshold, at most once per cooldown. Thread-safe; the state lives in memory (see the gaps).
 */
public final class StormDetector {
    private record Seen(Instant at, int failures) {
    }

    private final WatchPolicy policy;
    private final IncidentOpener opener;
    private final Clock clock;
    private final Map<String, Deque<Seen>> seen = new HashMap<>();
    private final Map<String, Instant> lastOpened = new HashMap<>();

    public StormDetector(WatchPolicy policy, IncidentOpener opener, Clock clock) {
        this.policy = policy;
        this.opener = opener;
        this.clock = clock;
    }

    /** Records {@code failures} new failures on {@code host} now; true when this opened an incident. */
    public boolean record(String host, int failures) {
        String reason;
        synchronized (this) {
            Instant now = clock.instant();
            Deque<Seen> window = seen.computeIfAbsent(host, h -> new ArrayDeque<>());
            if (failures > 0) {
                window.addLast(new Seen(now, failures));
            }
            while (!window.isEmpty() && !window.peekFirst().at().isAfter(now.minus(policy.window()))) {
                window.removeFirst();
            }
            int total = window.stream().mapToInt(Seen::failures).sum();
            Instant opened = lastOpened.get(host);
            boolean cooling = opened != null && now.isBefore(opened.plus(policy.cooldown()));
            if (total < policy.threshold() || cooling) {
                return false;
            }
            lastOpened.put(host, now);
            window.clear();
            reason = total + " upstream failures in " + policy.window() + " on " + host;
        }
        opener.open(host, reason);
        return true;
    }
}

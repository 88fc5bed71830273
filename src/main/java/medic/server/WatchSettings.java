package medic.server;

import java.time.Duration;
import medic.watch.WatchPolicy;

/**
 * The log watcher: whether it runs, how often each host is polled, and when it opens an incident.
 */
public record WatchSettings(boolean enabled, Duration interval, WatchPolicy policy) {
    public WatchSettings {
        if (interval.toMillis() < 200) {
            throw new IllegalArgumentException("the watch interval must be at least 200ms, got " + interval);
        }
    }
}

package medic.watch;

import java.time.Duration;

/**
 * When the watcher opens an incident by itself: {@code threshold} upstream failures on one host within
 * {@code window}; after opening one it waits {@code cooldown} before it may open the next, so one storm opens one.
 *
 * @param runbook the runbook the incident runs
 */
public record WatchPolicy(int threshold, Duration window, Duration cooldown, String runbook) {
    public WatchPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("watch threshold must be at least 1 failure, not " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("watch window must be positive, not " + window);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("watch cooldown must be zero or more, not " + cooldown);
        }
        if (runbook == null || runbook.isBlank()) {
            throw new IllegalArgumentException("watch policy needs the name of the runbook an incident runs");
        }
    }
}

package medic.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a {@link WatchPolicy} per host on the failures in the {@link StormLedger}: opens an incident when those
 * within the window (and after the last incident) reach the threshold, at most once per cooldown. The state is in
 * the database, so it does not matter which replica polled a host before.
 */
public final class StormDetector {
    /** Failure rows are kept at least this long (for operators) and at least a window. */
    private static final Duration RETENTION = Duration.ofDays(1);
    /** How often this replica deletes a host's expired failure rows (idempotent, so per replica is fine). */
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final WatchPolicy policy;
    private final IncidentOpener opener;
    private final StormLedger ledger;
    private final Clock clock;
    private final Map<String, Instant> purged = new ConcurrentHashMap<>();

    public StormDetector(WatchPolicy policy, IncidentOpener opener, StormLedger ledger, Clock clock) {
        this.policy = policy;
        this.opener = opener;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Judges {@code host} now; true when this opened an incident. The incident is opened before the storm is
     * remembered: a replica dying in between leaves the storm for the next poll, and alert intake keeps one open
     * incident per host and upstream, so opening twice yields one incident.
     */
    public boolean check(String host) {
        Instant now = clock.instant();
        purgeNowAndThen(host, now);
        Optional<StormLedger.Opened> last = ledger.lastOpened(host);
        if (last.isPresent() && now.isBefore(last.get().at().plus(policy.cooldown()))) {
            return false;
        }
        StormLedger.Window window = ledger.window(host, now.minus(policy.window()),
                last.map(StormLedger.Opened::countedThrough).orElse(0L));
        if (window.failures() < policy.threshold()) {
            return false;
        }
        opener.open(host, window.failures() + " upstream failures in " + policy.window() + " on " + host);
        ledger.opened(host, now, window.lastRow());
        return true;
    }

    private void purgeNowAndThen(String host, Instant now) {
        Instant last = purged.get(host);
        if (last == null || !now.isBefore(last.plus(PURGE_EVERY))) {
            purged.put(host, now);
            ledger.purge(host, now.minus(policy.window().compareTo(RETENTION) > 0 ? policy.window() : RETENTION));
        }
    }
}

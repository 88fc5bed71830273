package medic.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import medic.store.Database;
import medic.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the alerts of one webhook delivery and turns them into incident events. Everything a delivery changes
 * is written in one transaction; only after it commits are the events handed to {@link IncidentEvents}, so a
 * failed or duplicate delivery tells the flow nothing. Safe to call from many threads and many replicas at once.
 */
public final class AlertIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
    /** Retries when racing requests (unique violations, deadlocks); each retry re-reads what the winner wrote. */
    private static final int ATTEMPTS = 8;
    /** Alert states remembered to skip resends without a transaction (about 100 bytes each). */
    private static final int RECENT_ALERTS = 200_000;

    private static final Comparator<Alert> LATEST_LAST = Comparator.comparing(Alert::startsAt)
            .thenComparing(alert -> alert.status() == AlertStatus.RESOLVED);

    private final Jdbc sql;
    private final HostMapping mapping;
    private final IntakeSettings settings;
    private final IncidentEvents events;
    private final Clock clock;
    private final RecentAlerts recent = new RecentAlerts(RECENT_ALERTS);

    public AlertIntake(Database database, HostMapping mapping, IntakeSettings settings, IncidentEvents events,
                       Clock clock) {
        this.sql = new Jdbc(database);
        this.mapping = mapping;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the alerts and delivers the resulting events.
     *
     * @throws medic.store.StoreException when the database refuses; nothing is stored then (the webhook answers 503
     *                                    and Alertmanager retries)
     */
    public IntakeResult accept(List<Alert> alerts) {
        List<Alert> unique = latestPerFingerprint(alerts);
        List<Alert> fresh = unique.stream().filter(alert -> !recent.known(alert)).toList();
        if (fresh.isEmpty()) {
            return new IntakeResult(alerts.size(), 0, 0, alerts.size());
        }
        Instant now = clock.instant();
        IntakeTransaction.Outcome outcome = sql.inTransaction("record " + alerts.size() + " alerts", ATTEMPTS, Jdbc.LOST_RACE,
                connection -> new IntakeTransaction(connection, mapping, settings, now).record(fresh));
        recent.remember(fresh);
        for (IntakeEvent event : outcome.events()) {
            try {
                event.deliverTo(events);
            } catch (RuntimeException e) {
                // The alerts are stored; the flow recovers the incident from its stage (IncidentStore.inStage).
                LOG.error("incident flow failed on {}: {}", event, e.toString(), e);
            }
        }
        return new IntakeResult(alerts.size(), outcome.newOccurrences(), outcome.resolutions(),
                outcome.duplicates() + alerts.size() - fresh.size());
    }

    /** Alertmanager never repeats a fingerprint within one delivery; should a sender do so, its latest state wins. */
    private static List<Alert> latestPerFingerprint(List<Alert> alerts) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            latest.merge(alert.fingerprint(), alert, (a, b) -> LATEST_LAST.compare(a, b) <= 0 ? b : a);
        }
        return new ArrayList<>(latest.values());
    }
}

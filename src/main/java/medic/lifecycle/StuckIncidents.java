package medic.lifecycle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import medic.incident.Alert;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.schedule.Task;
import medic.store.Database;
import medic.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-drives incidents a crash left between two writes; a repeating cluster-wide job, never two firings at once.
 * Found: an incident DIAGNOSING with no runbook run queued, running or recently ended (the crash came between the
 * stage move and the run's submission, or before the ended run moved it on) runs its runbook again; an incident
 * APPLYING whose approved change never started and has no apply job (the crash came between the approval and the
 * job) gets its job. Only stages entered at least {@link #STUCK_AFTER} ago are judged, so work in progress elsewhere
 * is left alone (and so are incidents whose stage has not moved since before V9 recorded the time); each re-drive is idempotent (the stage move is a compare-and-set, the job name is unique).
 */
final class StuckIncidents {
    static final String TASK = "incident-sweep";
    static final Duration INTERVAL = Duration.ofSeconds(15);
    /** Far above the milliseconds between the two writes, and above a diagnosis's end (seal, post) too. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(StuckIncidents.class);

    private final Jdbc jdbc;
    private final IncidentStore incidents;
    private final Diagnose diagnose;
    private final IncidentLifecycle.SchedulerHolder scheduler;
    private final Clock clock;

    StuckIncidents(Database database, IncidentStore incidents, Diagnose diagnose,
            IncidentLifecycle.SchedulerHolder scheduler, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.incidents = incidents;
        this.diagnose = diagnose;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    Task task() {
        return run -> sweep(clock.instant().minus(STUCK_AFTER));
    }

    /** Re-drives the incidents stuck since before {@code stuckBefore}; returns how many. */
    int sweep(Instant stuckBefore) {
        int redriven = 0;
        for (long id : ids("SELECT i.id FROM incidents i WHERE i.stage = 'DIAGNOSING'"
                + " AND i.stage_changed_at < ? AND NOT EXISTS (SELECT 1 FROM runs r"
                + " WHERE r.trigger_kind = 'INCIDENT' AND r.trigger_ref = CAST(i.id AS VARCHAR(20))"
                + " AND (r.status IN ('QUEUED', 'RUNNING') OR r.finished_at >= ?))", stuckBefore, stuckBefore)) {
            Incident incident = incidents.incident(id).orElse(null);
            List<Alert> alerts = incidents.alerts(id);
            if (incident != null && !alerts.isEmpty()) {
                LOG.warn("incident {} on {} was left diagnosing without a runbook run (a crash?); running it again",
                        id, incident.host());
                diagnose.start(incident, Stage.DIAGNOSING, alerts.get(0));
                redriven++;
            }
        }
        for (long changeId : ids("SELECT f.change_id FROM incidents i JOIN incident_flow f ON f.incident_id = i.id"
                + " JOIN apply_changes c ON c.id = f.change_id WHERE i.stage = 'APPLYING' AND c.state = 'APPROVED'"
                + " AND i.stage_changed_at < ?", stuckBefore)) {
            if (!scheduler.get().isScheduled(Apply.jobName(changeId))) {
                LOG.warn("approved change {} has no apply job (a crash after the approval?); scheduling it", changeId);
                Apply.schedule(scheduler.get(), changeId, clock.instant());
                redriven++;
            }
        }
        return redriven;
    }

    private List<Long> ids(String query, Instant... times) {
        return jdbc.with("find incidents left stuck by a crash", connection -> {
            try (PreparedStatement select = connection.prepareStatement(query)) {
                for (int i = 0; i < times.length; i++) {
                    Jdbc.setInstant(select, i + 1, times[i]);
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}

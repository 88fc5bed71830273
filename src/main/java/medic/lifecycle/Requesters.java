package medic.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import medic.incident.Alert;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.outbox.Outbox;
import medic.slack.SlackMessage;
import medic.store.Run;

/**
 * The people who asked for a diagnosis ({@code /medic diagnose}), answered at their response_url when it ends. The
 * response_url travels with the request's alert in the database, so whichever replica ends the run answers, and
 * only the replica whose stage change won does: each request is answered once.
 */
final class Requesters {
    /** A request starts its run within moments (same call); five seconds covers a slow database. */
    static final Duration TRIGGER_GAP = Duration.ofSeconds(5);

    private final IncidentStore incidents;
    private final Outbox outbox;

    Requesters(IncidentStore incidents, Outbox outbox) {
        this.incidents = incidents;
        this.outbox = outbox;
    }

    /**
     * Sends {@code message} (seen only by the asker) to every request this run answers: the one that started it and
     * those that arrived while it ran (they joined it instead of starting another).
     */
    void answer(Incident incident, Run run, SlackMessage message) {
        for (String responseUrl : requestsOf(incidents.alerts(incident.id()), run)) {
            outbox.respond(responseUrl, message, true);
        }
    }

    static List<String> requestsOf(List<Alert> alerts, Run run) {
        Instant from = run.createdAt().minus(TRIGGER_GAP);
        Instant to = run.finishedAt() == null ? Instant.MAX : run.finishedAt();
        return alerts.stream()
                .filter(alert -> alert.labels().containsKey(OwnAlerts.RESPONSE_URL))
                .filter(alert -> !alert.startsAt().isBefore(from) && !alert.startsAt().isAfter(to))
                .map(alert -> alert.labels().get(OwnAlerts.RESPONSE_URL))
                .distinct()
                .toList();
    }
}

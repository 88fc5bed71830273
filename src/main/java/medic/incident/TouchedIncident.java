package medic.incident;

import medic.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An incident one intake transaction holds locked and changes: how it came to be touched and what arrived. */
final class TouchedIncident {

    enum Change { OPENED, REOPENED, EXISTING }

    final Change change;
    Incident incident;
    final List<Alert> newAlerts = new ArrayList<>();
    int resolvedAlerts;

    TouchedIncident(Incident incident, Change change) {
        this.incident = incident;
        this.change = change;
    }

    /**
     * The incident with its counts moved by what this transaction changed (exact: every change to an incident's
     * alerts happens under its row lock), severity and times from the new alerts, and its new state.
     */
    Incident refreshed(String severityLabel, Instant now) {
        int total = incident.alertCount() + newAlerts.size();
        int firing = incident.firingCount() + newAlerts.size() - resolvedAlerts;
        String severity = incident.severity();
        Instant firstSeen = incident.firstSeen();
        for (Alert alert : newAlerts) {
            severity = Severity.moreSevere(severity, alert.labels().getOrDefault(severityLabel, ""));
            firstSeen = alert.startsAt().isBefore(firstSeen) ? Jdbc.stored(alert.startsAt()) : firstSeen;
        }
        Instant lastSeen = newAlerts.isEmpty() ? incident.lastSeen() : Jdbc.stored(now);
        boolean resolves = incident.isOpen() && firing == 0;
        IncidentState state = resolves ? IncidentState.RESOLVED : incident.state();
        Instant resolvedAt = resolves ? Jdbc.stored(now) : incident.resolvedAt();
        return new Incident(incident.id(), incident.host(), incident.upstream(), state, incident.stage(), severity,
                incident.openedAt(), firstSeen, lastSeen, resolvedAt, total, firing, incident.reopenCount(),
                incident.snoozedUntil(), incident.outcome());
    }
}

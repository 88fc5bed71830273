package medic.slack.message;

import java.time.Instant;

/**
 * What identifies an incident in its parent message: its id (buttons carry it), the inventory host, the
 * upstream the alert names (may be null), the alert's severity label and name, and when it opened.
 */
public record IncidentHeader(long incidentId, String host, String upstream, String severity, String alertName,
                             Instant openedAt) {
    public IncidentHeader {
        if (incidentId <= 0) {
            throw new IllegalArgumentException("incident id must be positive, got " + incidentId);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an incident needs a host");
        }
    }
}

package medic.slack.command;

import java.time.Instant;

/** One open incident as {@code /medic status} lists it. */
public record IncidentStatus(long incidentId, String host, String upstream, String state, Instant openedAt) {
}

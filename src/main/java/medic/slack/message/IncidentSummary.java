package medic.slack.message;

import java.time.Instant;

/** One open incident as /medic status lists it. */
public record IncidentSummary(long incidentId, String host, String upstream, IncidentState state, Instant openedAt) { }

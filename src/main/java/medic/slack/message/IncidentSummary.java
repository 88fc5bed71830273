package medic.slack.message;

import java.time.Instant;

/** One open incident as /medic status lists it; {@code state} is its stage as people read it ("diagnosing"). */
public record IncidentSummary(long incidentId, String host, String upstream, String state, Instant openedAt) { }

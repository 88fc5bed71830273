package medic.slack.message;

import java.time.Instant;

/** One event of a host's history (/medic history): an incident opened, a change applied, a rollback... */
public record HistoryEntry(Instant at, long incidentId, String event, String actorId, String detail) { }

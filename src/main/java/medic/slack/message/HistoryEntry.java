package medic.slack.message;

import java.time.Instant;

/**
 * One event of a host's history (/medic history): an incident opened, a change applied, a rollback...
 * {@code actorId} is a Slack user ID (shown as a mention) or a name such as "medic".
 */
public record HistoryEntry(Instant at, String actorId, String event, String detail) { }

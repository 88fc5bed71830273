package medic.slack.command;

import java.time.Instant;

/** One line of a host's audit trail as {@code /medic history <host>} shows it (newest first). */
public record HistoryEntry(Instant at, String actor, String event, String detail) {
}

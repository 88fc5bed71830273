package medic.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Counts the outbox's calls: by state for status reports, waiting ones by kind for the queue depth gauge. */
final class CallCounts {

    private final OutboxJdbc jdbc;

    CallCounts(OutboxJdbc jdbc) {
        this.jdbc = jdbc;
    }

    OutboxCounts byStatus() {
        Map<String, Long> counts = jdbc.inTransaction("count Slack calls", connection -> {
            Map<String, Long> result = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status, COUNT(*) FROM outbox_calls GROUP BY status"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    result.put(row.getString(1), row.getLong(2));
                }
            }
            return result;
        });
        return new OutboxCounts(counts.getOrDefault("PENDING", 0L), counts.getOrDefault("SENT", 0L),
                counts.getOrDefault("SUPERSEDED", 0L), counts.getOrDefault("DEAD", 0L));
    }

    Map<CallKind, Long> pendingByKind() {
        return jdbc.inTransaction("count waiting Slack calls", connection -> {
            Map<CallKind, Long> result = new EnumMap<>(CallKind.class);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, COUNT(*) FROM outbox_calls WHERE status = 'PENDING' GROUP BY kind");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    result.put(CallKind.valueOf(row.getString(1)), row.getLong(2));
                }
            }
            return result;
        });
    }

    boolean waiting(String threadKey) {
        return jdbc.inTransaction("look for waiting Slack calls of thread " + threadKey, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM outbox_calls WHERE thread_key = ? AND status = 'PENDING' LIMIT 1")) {
                select.setString(1, threadKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }
}

package medic.outbox;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import medic.slack.api.PostedMessage;

/** Where each conversation's top-level message is in Slack (channel and ts), by thread key. */
final class Conversations {

    private final OutboxJdbc jdbc;

    Conversations(OutboxJdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PostedMessage> find(String threadKey) {
        return jdbc.inTransaction("look up the Slack message of thread " + threadKey, connection -> find(connection,
                threadKey));
    }

    static Optional<PostedMessage> find(Connection connection, String threadKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, ts FROM slack_conversations WHERE thread_key = ?")) {
            select.setString(1, threadKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new PostedMessage(row.getString("channel"), row.getString("ts")))
                        : Optional.empty();
            }
        }
    }

    /**
     * Records the top-level message, in the transaction that marks its call sent; a second one is ignored. The calls
     * of its thread queued before it without a channel take its channel now, so they are paced on it (a call queued in
     * this very moment takes it when claimed, see {@link CallLeases}).
     */
    static void record(Connection connection, String threadKey, PostedMessage posted, Instant now) throws SQLException {
        if (find(connection, threadKey).isPresent()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO slack_conversations (thread_key, channel, ts, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, threadKey);
            insert.setString(2, posted.channel());
            insert.setString(3, posted.ts());
            Jdbc.setInstant(insert, 4, now);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET channel = ?"
                + " WHERE thread_key = ? AND status = 'PENDING' AND channel IS NULL")) {
            update.setString(1, posted.channel());
            update.setString(2, threadKey);
            update.executeUpdate();
        }
    }
}

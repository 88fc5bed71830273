package medic.outbox;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes calls into the outbox: each takes the next place of its thread, due at once. A new update supersedes the
 * updates of its thread still waiting (not those already being sent).
 */
final class CallQueue {

    private final OutboxJdbc jdbc;
    private final Clock clock;
    private final Set<String> knownChannels = ConcurrentHashMap.newKeySet();

    CallQueue(OutboxJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param channel the channel of a top-level post; null for the other kinds (their thread's channel is used)
     * @return the channel the call was queued for; null when its thread's post is not known yet
     */
    String enqueue(String threadKey, CallKind kind, String channel, String payload) {
        String where = kind == CallKind.POST || kind == CallKind.RESPOND ? channel : channelOf(threadKey).orElse(null);
        if (where != null) {
            ensurePaced(where);
        }
        jdbc.inTransaction("queue a Slack " + kind.method() + " call for thread " + threadKey,
                connection -> insert(connection, threadKey, kind, where, payload));
        return where;
    }

    /**
     * Queues the calls only if {@code first}, run at the start of the same transaction, returns true: the caller's
     * write and the calls commit together, or neither does. Each call's channel must be given.
     */
    boolean enqueueIf(Jdbc.Work<Boolean> first, String what, List<Call> calls) {
        calls.forEach(call -> ensurePaced(call.channel()));
        return jdbc.inTransaction(what, connection -> {
            if (!first.on(connection)) {
                return false;
            }
            for (Call call : calls) {
                insert(connection, call.threadKey(), call.kind(), call.channel(), call.payload());
            }
            return true;
        });
    }

    /** One call to queue. */
    record Call(String threadKey, CallKind kind, String channel, String payload) {
    }

    private long insert(Connection connection, String threadKey, CallKind kind, String where, String payload)
            throws SQLException {
        Instant now = clock.instant();
        if (kind == CallKind.UPDATE) {
            supersedeWaitingUpdates(connection, threadKey, now);
        }
        long sequence = nextSequence(connection, threadKey);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_calls (thread_key, sequence,"
                + " kind, channel, payload, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", new String[] {"id"})) {
            insert.setString(1, threadKey);
            insert.setLong(2, sequence);
            insert.setString(3, kind.name());
            insert.setString(4, where);
            insert.setString(5, payload);
            Jdbc.setInstant(insert, 6, now);
            Jdbc.setInstant(insert, 7, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The thread's channel: where its top-level message went, or is about to go. */
    private Optional<String> channelOf(String threadKey) {
        return jdbc.inTransaction("look up the channel of thread " + threadKey, connection -> {
            Optional<String> posted = Conversations.find(connection, threadKey).map(message -> message.channel());
            if (posted.isPresent()) {
                return posted;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT channel FROM outbox_calls"
                    + " WHERE thread_key = ? AND kind = 'POST' ORDER BY sequence DESC LIMIT 1")) {
                select.setString(1, threadKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Gives the channel its pacing row, so claiming a call only ever updates it (a compare-and-set). */
    private void ensurePaced(String channel) {
        if (knownChannels.contains(channel)) {
            return;
        }
        jdbc.inTransaction("add channel " + channel + " to the outbox's pacing", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_channels (channel,"
                    + " next_send_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM outbox_channels WHERE channel = ?)")) {
                insert.setString(1, channel);
                Jdbc.setInstant(insert, 2, Instant.EPOCH);
                insert.setString(3, channel);
                return insert.executeUpdate();
            }
        });
        knownChannels.add(channel);
    }

    private static void supersedeWaitingUpdates(Connection connection, String threadKey, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET status = 'SUPERSEDED',"
                + " finished_at = ? WHERE thread_key = ? AND kind = 'UPDATE' AND status = 'PENDING'"
                + " AND (lease_until IS NULL OR lease_until <= ?)")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, threadKey);
            Jdbc.setInstant(update, 3, now);
            update.executeUpdate();
        }
    }

    private static long nextSequence(Connection connection, String threadKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(sequence), 0) + 1 FROM outbox_calls WHERE thread_key = ?")) {
            select.setString(1, threadKey);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}

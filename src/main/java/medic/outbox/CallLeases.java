package medic.outbox;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Claims due calls for a worker, one compare-and-set per call, and records how each ended. A call is due when it is
 * the first waiting call of its thread (so a thread's calls go out one after the other, in order; a waiting post
 * goes before everything else of its thread, since another replica may have queued an update of the thread in the
 * moment between winning the right to post it and queueing the post), its next attempt
 * time has come, nobody holds a live lease on it, and its channel's pacing allows a call now: no other call to the
 * channel is being sent (its live lease), and the last one ended at least the channel interval ago. Pacing from the
 * claim alone let a slow send (a cold HTTP client, a loaded machine) arrive at Slack right before the next one. A call
 * queued without a channel (another replica had won the right to post its thread but not yet queued the post) is
 * paced on the channel its thread's post went to, which is known by the time the call may go.
 */
final class CallLeases {

    /** A call's channel: its own, or for a call queued before its thread's post was visible, where that post went. */
    private static final String CHANNEL_OF = "COALESCE(%1$s.channel, (SELECT s.channel FROM slack_conversations s"
            + " WHERE s.thread_key = %1$s.thread_key))";

    private static final String DUE = "SELECT c.id, c.thread_key, c.sequence, c.kind, " + String.format(CHANNEL_OF, "c")
            + " AS channel, c.payload, c.attempts, c.created_at FROM outbox_calls c LEFT JOIN outbox_channels p"
            + " ON p.channel = " + String.format(CHANNEL_OF, "c")
            + " WHERE c.status = 'PENDING' AND c.next_attempt_at <= ? AND (c.lease_until IS NULL OR c.lease_until <= ?)"
            + " AND (p.next_send_at IS NULL OR p.next_send_at <= ?)"
            + " AND (? OR NOT EXISTS (SELECT 1 FROM outbox_calls f WHERE f.status = 'PENDING' AND f.id <> c.id"
            + " AND f.lease_until > ? AND " + String.format(CHANNEL_OF, "f") + " = " + String.format(CHANNEL_OF, "c")
            + "))"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_calls e WHERE e.thread_key = c.thread_key"
            + " AND e.status = 'PENDING' AND e.id <> c.id AND (e.kind = 'POST' AND (c.kind <> 'POST' OR e.sequence < c.sequence)"
            + " OR e.kind <> 'POST' AND c.kind <> 'POST' AND e.sequence < c.sequence))"
            + " ORDER BY c.id LIMIT ?";

    private final OutboxJdbc jdbc;
    private final Duration lease;
    private final Duration channelInterval;

    CallLeases(OutboxJdbc jdbc, Duration lease, Duration channelInterval) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.channelInterval = channelInterval;
    }

    /** Claims up to {@code limit} due calls, each of another thread and channel; tokens come from {@code tokens}. */
    List<OutboxCall> claimDue(int limit, Instant now, Supplier<String> tokens) {
        List<OutboxCall> candidates = jdbc.inTransaction("find due Slack calls", connection -> due(connection, now,
                limit * 4, channelInterval.isZero()));
        List<OutboxCall> claimed = new ArrayList<>();
        Set<String> channelsTaken = new HashSet<>();
        for (OutboxCall candidate : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            if (candidate.channel() != null && !channelInterval.isZero() && !channelsTaken.add(candidate.channel())) {
                continue;
            }
            String token = tokens.get();
            if (jdbc.inTransaction("claim " + candidate.describe(), connection -> claim(connection, candidate, token,
                    now))) {
                claimed.add(new OutboxCall(candidate.id(), candidate.threadKey(), candidate.sequence(),
                        candidate.kind(), candidate.channel(), candidate.payload(), candidate.attempts() + 1,
                        candidate.createdAt(), token));
            }
        }
        return claimed;
    }

    private static List<OutboxCall> due(Connection connection, Instant now, int limit, boolean unpaced)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(DUE)) {
            Jdbc.setInstant(select, 1, now);
            Jdbc.setInstant(select, 2, now);
            Jdbc.setInstant(select, 3, now);
            select.setBoolean(4, unpaced);
            Jdbc.setInstant(select, 5, now);
            select.setInt(6, limit);
            List<OutboxCall> calls = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    calls.add(new OutboxCall(row.getLong("id"), row.getString("thread_key"), row.getLong("sequence"),
                            CallKind.valueOf(row.getString("kind")), row.getString("channel"),
                            row.getString("payload"), row.getInt("attempts"),
                            Jdbc.getInstant(row, "created_at"), null));
                }
            }
            return calls;
        }
    }

    /** The lease and the channel's next slot are taken together, or neither is. */
    private boolean claim(Connection connection, OutboxCall call, String token, Instant now) throws SQLException {
        try (PreparedStatement lease = connection.prepareStatement("UPDATE outbox_calls SET lease_owner = ?,"
                + " lease_until = ?, attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'"
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)")) {
            lease.setString(1, token);
            Jdbc.setInstant(lease, 2, now.plus(this.lease));
            lease.setLong(3, call.id());
            Jdbc.setInstant(lease, 4, now);
            Jdbc.setInstant(lease, 5, now);
            if (lease.executeUpdate() != 1) {
                return false;
            }
        }
        if (call.channel() == null || channelInterval.isZero()) {
            return true;
        }
        try (PreparedStatement pace = connection.prepareStatement("UPDATE outbox_channels SET next_send_at = ?"
                + " WHERE channel = ? AND next_send_at <= ?")) {
            Jdbc.setInstant(pace, 1, now.plus(channelInterval));
            pace.setString(2, call.channel());
            Jdbc.setInstant(pace, 3, now);
            if (pace.executeUpdate() != 1) {
                connection.rollback();
                return false;
            }
        }
        return true;
    }

    /** The earliest future moment a call may become due (a retry time, a lease's end, a channel's next slot). */
    Instant nextChange(Instant now) {
        return jdbc.inTransaction("find the next due Slack call", connection -> {
            Instant next = null;
            for (String sql : List.of(
                    "SELECT MIN(next_attempt_at) FROM outbox_calls WHERE status = 'PENDING' AND next_attempt_at > ?",
                    "SELECT MIN(lease_until) FROM outbox_calls WHERE status = 'PENDING' AND lease_until > ?",
                    "SELECT MIN(next_send_at) FROM outbox_channels WHERE next_send_at > ?")) {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    Jdbc.setInstant(select, 1, now);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        java.time.OffsetDateTime value = row.getObject(1, java.time.OffsetDateTime.class);
                        if (value != null && (next == null || value.toInstant().isBefore(next))) {
                            next = value.toInstant();
                        }
                    }
                }
            }
            return next;
        });
    }
}

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
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * paced on the channel its thread's post went to, which is known by the time the call may go: recording the post
 * fills in the channel of its thread's waiting calls, and a call that slipped past that (queued in the same moment)
 * takes it when claimed, so every leased call names its channel and the due query looks the channel up only for such
 * stragglers, never once per pair of waiting calls.
 */
final class CallLeases {

    /** A waiting call's channel: its own, or for one queued before its thread's post was recorded, that post's. */
    private static final String CHANNEL = "COALESCE(c.channel, s.channel)";

    private static final String DUE = "SELECT c.id, c.thread_key, c.sequence, c.kind, " + CHANNEL + " AS channel,"
            + " c.payload, c.attempts, c.created_at FROM outbox_calls c"
            + " LEFT JOIN slack_conversations s ON c.channel IS NULL AND s.thread_key = c.thread_key"
            + " LEFT JOIN outbox_channels p ON p.channel = " + CHANNEL
            + " WHERE c.status = 'PENDING' AND c.next_attempt_at <= ? AND (c.lease_until IS NULL OR c.lease_until <= ?)"
            + " AND (p.next_send_at IS NULL OR p.next_send_at <= ?)"
            // The channels with a call on its way: the few live leases, found once (not per waiting call).
            + " AND (? OR " + CHANNEL + " IS NULL OR " + CHANNEL + " NOT IN (SELECT f.channel FROM outbox_calls f"
            + " WHERE f.lease_until > ? AND f.status = 'PENDING' AND f.channel IS NOT NULL))"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_calls e WHERE e.thread_key = c.thread_key"
            + " AND e.status = 'PENDING' AND e.id <> c.id AND (e.kind = 'POST' AND (c.kind <> 'POST' OR e.sequence < c.sequence)"
            + " OR e.kind <> 'POST' AND c.kind <> 'POST' AND e.sequence < c.sequence))"
            + " ORDER BY c.id LIMIT ?";

    private final OutboxJdbc jdbc;
    private final Duration lease;
    private final Duration channelInterval;
    private final AtomicLong dueQueries = new AtomicLong();

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

    private List<OutboxCall> due(Connection connection, Instant now, int limit, boolean unpaced) throws SQLException {
        dueQueries.incrementAndGet();
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
                + " lease_until = ?, attempts = attempts + 1, channel = COALESCE(channel, ?) WHERE id = ?"
                + " AND status = 'PENDING'"
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)")) {
            lease.setString(1, token);
            Jdbc.setInstant(lease, 2, now.plus(this.lease));
            lease.setString(3, call.channel());
            lease.setLong(4, call.id());
            Jdbc.setInstant(lease, 5, now);
            Jdbc.setInstant(lease, 6, now);
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

    /** How many times the due query ran (the dispatcher should not run it while nothing can be due). */
    long dueQueries() {
        return dueQueries.get();
    }

    /**
     * What may change next: the earliest future moment a call may become due (a retry time, a lease's end, a
     * channel's next slot), and each channel's next slot still ahead. A slot only ever moves later (claims, ends and
     * Slack's Retry-After all push it forward), so no call to such a channel can be due before it.
     */
    Outlook outlook(Instant now) {
        return jdbc.inTransaction("find the next due Slack call", connection -> {
            Instant next = null;
            for (String sql : List.of(
                    "SELECT MIN(next_attempt_at) AS next_at FROM outbox_calls WHERE status = 'PENDING' AND next_attempt_at > ?",
                    "SELECT MIN(lease_until) AS next_at FROM outbox_calls WHERE lease_until > ? AND status = 'PENDING'")) {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    Jdbc.setInstant(select, 1, now);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        next = earlier(next, Jdbc.getInstant(row, "next_at"));
                    }
                }
            }
            Map<String, Instant> slots = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT channel, next_send_at FROM outbox_channels WHERE next_send_at > ?")) {
                Jdbc.setInstant(select, 1, now);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant slot = Jdbc.getInstant(row, "next_send_at");
                        slots.put(row.getString("channel"), slot);
                        next = earlier(next, slot);
                    }
                }
            }
            return new Outlook(next, Map.copyOf(slots));
        });
    }

    /**
     * @param nextChange the earliest future moment a call may become due; null when nothing waits for a time
     * @param slots      the next slot of each channel that has one ahead
     */
    record Outlook(Instant nextChange, Map<String, Instant> slots) {
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return candidate != null && (current == null || candidate.isBefore(current)) ? candidate : current;
    }
}

package medic.outbox;

import medic.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import medic.slack.api.PostedMessage;

/**
 * Records how a claimed call ended, each write conditional on the caller still holding the call's lease: a worker
 * whose lease ran out (and whose call another worker took over) changes nothing.
 */
final class CallOutcomes {

    private static final int ERROR_LENGTH = 1000;

    private final OutboxJdbc jdbc;
    private final Duration channelInterval;

    CallOutcomes(OutboxJdbc jdbc, Duration channelInterval) {
        this.jdbc = jdbc;
        this.channelInterval = channelInterval;
    }

    /** Marks the call sent and, for a top-level post, records where Slack put it, in one transaction. */
    boolean sent(OutboxCall call, PostedMessage posted, Instant now) {
        return jdbc.inTransaction("record " + call.describe() + " as sent", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET status = 'SENT',"
                    + " finished_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL"
                    + " WHERE id = ? AND lease_owner = ?")) {
                Jdbc.setInstant(update, 1, now);
                update.setLong(2, call.id());
                update.setString(3, call.leaseToken());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            spaceChannel(connection, call, now);
            if (posted != null) {
                Conversations.record(connection, call.threadKey(), posted, now);
            }
            return true;
        });
    }

    /** Puts the call back, due at {@code at}; a rate-limited attempt is not counted against the call. */
    boolean retryLater(OutboxCall call, Instant now, Instant at, String error, boolean countAttempt) {
        return jdbc.inTransaction("reschedule " + call.describe(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET next_attempt_at = ?,"
                    + " last_error = ?, lease_owner = NULL, lease_until = NULL, attempts = attempts - ?"
                    + " WHERE id = ? AND lease_owner = ?")) {
                Jdbc.setInstant(update, 1, at);
                update.setString(2, clip(error));
                update.setInt(3, countAttempt ? 0 : 1);
                update.setLong(4, call.id());
                update.setString(5, call.leaseToken());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            spaceChannel(connection, call, now);
            return true;
        });
    }

    /**
     * Dead-letters the call. When it is a thread's top-level post, the thread's waiting calls die with it: they have
     * no message to reply to or update. Returns how many calls were dead-lettered (0 when the lease was lost).
     */
    int deadLetter(OutboxCall call, String error, Instant now) {
        return jdbc.inTransaction("dead-letter " + call.describe(), connection -> {
            int dead;
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET status = 'DEAD',"
                    + " finished_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
                    + " WHERE id = ? AND lease_owner = ?")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, clip(error));
                update.setLong(3, call.id());
                update.setString(4, call.leaseToken());
                dead = update.executeUpdate();
            }
            if (dead == 1) {
                spaceChannel(connection, call, now);
            }
            if (dead == 1 && call.kind() == CallKind.POST) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET status = 'DEAD',"
                        + " finished_at = ?, last_error = ? WHERE thread_key = ? AND status = 'PENDING'"
                        + " AND sequence > ? AND NOT EXISTS (SELECT 1 FROM slack_conversations s"
                        + " WHERE s.thread_key = outbox_calls.thread_key)")) {
                    Jdbc.setInstant(update, 1, now);
                    update.setString(2, clip("the thread's top-level message was dead-lettered: " + error));
                    update.setString(3, call.threadKey());
                    update.setLong(4, call.sequence());
                    dead += update.executeUpdate();
                }
            }
            return dead;
        });
    }

    /** Slack rate-limited a call to this channel: no call to it is claimed before {@code until}. */
    void holdChannel(String channel, Instant until) {
        jdbc.inTransaction("hold channel " + channel, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox_channels SET next_send_at = ? WHERE channel = ? AND next_send_at < ?")) {
                Jdbc.setInstant(update, 1, until);
                update.setString(2, channel);
                Jdbc.setInstant(update, 3, until);
                return update.executeUpdate();
            }
        });
    }

    /** Gives back the leases a closing worker still holds, so a successor sends those calls without waiting. */
    int releaseLeases(String ownerPrefix) {
        return jdbc.inTransaction("release the outbox's leases", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_calls SET lease_owner = NULL,"
                    + " lease_until = NULL WHERE status = 'PENDING' AND lease_owner LIKE ?")) {
                update.setString(1, ownerPrefix + "%");
                return update.executeUpdate();
            }
        });
    }

    /** Deletes sent and superseded calls finished before {@code before}; waiting and dead ones stay. */
    int purgeFinished(Instant before) {
        return jdbc.inTransaction("purge sent Slack calls", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_calls"
                    + " WHERE status IN ('SENT', 'SUPERSEDED') AND finished_at < ?")) {
                Jdbc.setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * The channel's next call waits a full interval after this one ended, not only after it was claimed: the gap
     * between two calls' arrivals at Slack is then at least the interval however long each took on the way.
     */
    private void spaceChannel(Connection connection, OutboxCall call, Instant ended) throws SQLException {
        if (call.channel() == null || channelInterval.isZero()) {
            return;
        }
        Instant next = ended.plus(channelInterval);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_channels SET next_send_at = ? WHERE channel = ? AND next_send_at < ?")) {
            Jdbc.setInstant(update, 1, next);
            update.setString(2, call.channel());
            Jdbc.setInstant(update, 3, next);
            update.executeUpdate();
        }
    }

    private static String clip(String error) {
        String text = error == null ? "" : error;
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 3) + "...";
    }
}

package medic.slack.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import medic.apply.Sha256;
import medic.schedule.Task;
import medic.store.Database;
import medic.store.Jdbc;
import medic.store.Vendor;

/**
 * Claims in table {@code slack_request_claims}, shared by every replica on the database: one atomic insert decides
 * (the primary key lets one replica in), an expired claim is taken over by a conditional update, and
 * {@link #sweepTask} deletes expired rows. Claims are stamped by the claiming replica's clock.
 */
public final class JdbcRequestClaims implements RequestClaims {

    /**
     * How long a claim holds in medic: past Bolt's 5-minute signature window (a replay) and Slack's last Events API
     * retry (about 5 minutes after the first delivery), with room to spare.
     */
    public static final Duration TTL = Duration.ofMinutes(30);
    /** The name under which to register {@link #sweepTask} with the scheduler. */
    public static final String SWEEP_TASK = "slack-request-claims-sweep";
    /** How often expired claims are deleted; the table holds at most a few intervals of Slack requests. */
    public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);
    /** Longest key stored as given; longer ones are stored as their SHA-256 (the column holds 200). */
    static final int MAX_KEY_LENGTH = 120;

    private static final String INSERT = "INSERT INTO slack_request_claims (request_key, claimed_at, expires_at,"
            + " claimed_by) VALUES (?, ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE slack_request_claims SET claimed_at = ?, expires_at = ?,"
            + " claimed_by = ? WHERE request_key = ? AND expires_at <= ?";
    private static final String SWEEP = "DELETE FROM slack_request_claims WHERE expires_at <= ?";

    private final Jdbc jdbc;
    private final String insert;
    private final Duration ttl;
    private final Clock clock;
    private final String claimedBy;

    /**
     * @param ttl       how long a claim holds: at least as long as Slack may deliver the same request again
     * @param claimedBy this replica's name, recorded with each claim (e.g. the scheduler's instance id)
     */
    public JdbcRequestClaims(Database database, Duration ttl, Clock clock, String claimedBy) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a claim's time to live must be positive, got " + ttl);
        }
        this.jdbc = new Jdbc(database);
        // On PostgreSQL a taken key is no error (the server would log every unique violation as one).
        this.insert = database.vendor() == Vendor.POSTGRESQL ? INSERT + " ON CONFLICT (request_key) DO NOTHING" : INSERT;
        this.ttl = ttl;
        this.clock = clock;
        this.claimedBy = claimedBy.length() > 200 ? claimedBy.substring(0, 200) : claimedBy;
    }

    @Override
    public boolean claim(String requestKey) {
        String key = stored(requestKey);
        Instant now = clock.instant();
        // The third step covers an expired row swept away between the first two.
        return jdbc.with("claim Slack request " + key, connection -> inserted(connection, key, now)
                || tookOverExpired(connection, key, now) || inserted(connection, key, now));
    }

    /** Deletes the claims expired by now; returns how many. */
    public int sweepExpired() {
        return sweepExpired(jdbc, clock);
    }

    /**
     * Deletes expired claims as a scheduler task, registered as {@link #SWEEP_TASK}; running it twice is harmless.
     * It needs no replica's name, so it can be registered before the scheduler (which names the replica) starts.
     */
    public static Task sweepTask(Database database, Clock clock) {
        Jdbc jdbc = new Jdbc(database);
        return run -> sweepExpired(jdbc, clock);
    }

    private static int sweepExpired(Jdbc jdbc, Clock clock) {
        return jdbc.with("delete expired Slack request claims", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(SWEEP)) {
                Jdbc.setInstant(delete, 1, clock.instant());
                return delete.executeUpdate();
            }
        });
    }

    private boolean inserted(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, key);
            Jdbc.setInstant(statement, 2, now);
            Jdbc.setInstant(statement, 3, now.plus(ttl));
            statement.setString(4, claimedBy);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            // A unique violation, or H2 timing out on the row another claimer is inserting: that one has it.
            if (Jdbc.LOST_RACE.contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** A row past its expiry belongs to nobody: one conditional update lets exactly one claimer have it. */
    private boolean tookOverExpired(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE_OVER)) {
            Jdbc.setInstant(statement, 1, now);
            Jdbc.setInstant(statement, 2, now.plus(ttl));
            statement.setString(3, claimedBy);
            statement.setString(4, key);
            Jdbc.setInstant(statement, 5, now);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            // H2 refuses the loser of two concurrent updates of one row instead of re-checking the condition.
            if (Jdbc.LOST_RACE.contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static String stored(String requestKey) {
        if (requestKey.length() <= MAX_KEY_LENGTH) {
            return requestKey;
        }
        return "sha256:" + Sha256.of(requestKey);
    }
}

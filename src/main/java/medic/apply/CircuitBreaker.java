package medic.apply;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import medic.store.Database;

/**
 * At most {@code perHost} applies per host and {@code fleetWide} applies in all per hour, counted in the
 * database (so replicas share the count); admissions are serialised on a gate row, so racing replicas cannot
 * together exceed the fleet limit. A refusal says which limit and when the next apply is possible.
 */
public final class CircuitBreaker {

    static final Duration WINDOW = Duration.ofHours(1);

    private final Jdbc jdbc;
    private final int perHost;
    private final int fleetWide;

    public CircuitBreaker(Database database, int perHost, int fleetWide) {
        if (perHost < 1 || fleetWide < 1) {
            throw new IllegalArgumentException("apply limits must be at least 1 per hour, not " + perHost + " per host"
                    + " and " + fleetWide + " fleet-wide");
        }
        this.jdbc = new Jdbc(database);
        this.perHost = perHost;
        this.fleetWide = fleetWide;
    }

    /** Records that change {@code changeId} starts now, or says why it may not. */
    Optional<String> admit(long changeId, String host, Instant now) {
        Instant since = now.minus(WINDOW);
        return jdbc.inTransaction("admit change " + changeId + " through the circuit breaker", connection -> {
            try (PreparedStatement gate = connection.prepareStatement(
                    "SELECT id FROM apply_fleet_gate WHERE id = 1 FOR UPDATE"); ResultSet ignored = gate.executeQuery()) {
                // Held until commit: the count and the mark below are one step for every replica.
            }
            Window hostWindow = window(connection, since, host);
            if (hostWindow.count() >= perHost) {
                return Optional.of("circuit breaker open for " + host + ": " + hostWindow.count() + " applies in the"
                        + " last hour (limit " + perHost + "); it closes at " + hostWindow.oldest().plus(WINDOW));
            }
            Window fleet = window(connection, since, null);
            if (fleet.count() >= fleetWide) {
                return Optional.of("fleet-wide circuit breaker open: " + fleet.count() + " applies in the last hour"
                        + " (limit " + fleetWide + "); it closes at " + fleet.oldest().plus(WINDOW));
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE apply_changes SET started_at = ? WHERE id = ?")) {
                Jdbc.setInstant(mark, 1, now);
                mark.setLong(2, changeId);
                mark.executeUpdate();
            }
            return Optional.<String>empty();
        });
    }

    private record Window(int count, Instant oldest) {
    }

    private static Window window(Connection connection, Instant since, String host) throws SQLException {
        String sql = "SELECT COUNT(*), MIN(started_at) FROM apply_changes WHERE started_at > ?"
                + (host == null ? "" : " AND host = ?");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Jdbc.setInstant(select, 1, since);
            if (host != null) {
                select.setString(2, host);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                java.time.OffsetDateTime oldest = row.getObject(2, java.time.OffsetDateTime.class);
                return new Window(row.getInt(1), oldest == null ? null : oldest.toInstant());
            }
        }
    }
}

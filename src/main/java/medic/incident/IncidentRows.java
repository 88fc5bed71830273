package medic.incident;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL over the incidents table. */
final class IncidentRows {

    static final String COLUMNS = "id, host, upstream, state, stage, severity, opened_at, first_seen, last_seen,"
            + " resolved_at, alert_count, firing_count, reopen_count, snoozed_until, outcome";

    private IncidentRows() {
    }

    /** The open incident of {@code key}, its row lock held until the transaction ends. */
    static Optional<Incident> lockOpen(Connection connection, IncidentKey key) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM incidents WHERE host = ? AND upstream = ?"
                + " AND state = 'OPEN' FOR UPDATE", key.host(), key.upstream()).stream().findFirst();
    }

    /** The latest incident of {@code key} resolved at or after {@code since}. */
    static Optional<Long> reopenableId(Connection connection, IncidentKey key, Instant since) throws SQLException {
        String sql = "SELECT id FROM incidents WHERE host = ? AND upstream = ? AND state = 'RESOLVED'"
                + " AND resolved_at >= ? ORDER BY resolved_at DESC, id DESC FETCH FIRST 1 ROWS ONLY";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key.host());
            select.setString(2, key.upstream());
            Jdbc.setInstant(select, 3, since);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Reads an incident and holds its row lock until the transaction ends. */
    static Optional<Incident> lock(Connection connection, long id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM incidents WHERE id = ? FOR UPDATE", id)
                .stream().findFirst();
    }

    static List<Incident> query(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Incident> incidents = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    Jdbc.setInstant(select, i + 1, instant);
                } else {
                    select.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    incidents.add(read(row));
                }
            }
        }
        return incidents;
    }

    /** A new OPEN incident in stage NEW with no alerts yet; a racing open of the same key fails with 23505. */
    static Incident insert(Connection connection, IncidentKey key, Instant firstSeen, Instant now) throws SQLException {
        String sql = "INSERT INTO incidents (host, upstream, state, stage, severity, opened_at, first_seen, last_seen,"
                + " alert_count, firing_count) VALUES (?, ?, 'OPEN', ?, '', ?, ?, ?, 0, 0)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key.host());
            insert.setString(2, key.upstream());
            insert.setString(3, Incident.NEW_STAGE);
            Jdbc.setInstant(insert, 4, now);
            Jdbc.setInstant(insert, 5, firstSeen);
            Jdbc.setInstant(insert, 6, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new Incident(id, key.host(), key.upstream(), IncidentState.OPEN, Incident.NEW_STAGE, "",
                        Jdbc.stored(now), Jdbc.stored(firstSeen), Jdbc.stored(now), null, 0, 0, 0, null, null);
            }
        }
    }

    /** Writes an incident's changed fields (state, counts, severity, times) after intake touched it. */
    static void update(Connection connection, Incident incident) throws SQLException {
        String sql = "UPDATE incidents SET state = ?, severity = ?, first_seen = ?, last_seen = ?, resolved_at = ?,"
                + " alert_count = ?, firing_count = ?, reopen_count = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, incident.state().name());
            update.setString(2, incident.severity());
            Jdbc.setInstant(update, 3, incident.firstSeen());
            Jdbc.setInstant(update, 4, incident.lastSeen());
            Jdbc.setInstant(update, 5, incident.resolvedAt());
            update.setInt(6, incident.alertCount());
            update.setInt(7, incident.firingCount());
            update.setInt(8, incident.reopenCount());
            update.setLong(9, incident.id());
            update.executeUpdate();
        }
    }

    private static Incident read(ResultSet row) throws SQLException {
        return new Incident(row.getLong("id"), row.getString("host"), row.getString("upstream"),
                IncidentState.valueOf(row.getString("state")), row.getString("stage"), row.getString("severity"),
                Jdbc.getInstant(row, "opened_at"), Jdbc.getInstant(row, "first_seen"), Jdbc.getInstant(row, "last_seen"),
                Jdbc.getInstant(row, "resolved_at"), row.getInt("alert_count"), row.getInt("firing_count"),
                row.getInt("reopen_count"), Jdbc.getInstant(row, "snoozed_until"), row.getString("outcome"));
    }
}

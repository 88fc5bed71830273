package medic.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import medic.store.Database;
import medic.store.Jdbc;

/**
 * The incident flow's table: one row per incident, written as the incident moves on. Every change that two
 * replicas might race on is a compare-and-set, so the database decides who posts and who applies.
 */
final class FlowStore {
    private final Jdbc jdbc;
    private final Clock clock;

    FlowStore(Database database, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.clock = clock;
    }

    /** Records the incident's flow unless it exists; true when this call created it. */
    boolean create(long incidentId, String alertName, Optional<String> requester) {
        return jdbc.with("record the flow of incident " + incidentId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident_flow (incident_id,"
                    + " alert_name, requester, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, incidentId);
                insert.setString(2, alertName.length() > 200 ? alertName.substring(0, 200) : alertName);
                insert.setString(3, requester.orElse(null));
                Jdbc.setInstant(insert, 4, clock.instant());
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    Optional<Flow> find(long incidentId) {
        return jdbc.with("read the flow of incident " + incidentId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM incident_flow WHERE incident_id = ?")) {
                select.setLong(1, incidentId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(flow(row)) : Optional.<Flow>empty();
                }
            }
        });
    }

    Optional<Flow> byChange(long changeId) {
        return jdbc.with("find the incident of change " + changeId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM incident_flow WHERE change_id = ?")) {
                select.setLong(1, changeId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(flow(row)) : Optional.<Flow>empty();
                }
            }
        });
    }

    void run(long incidentId, long runId) {
        update(incidentId, "remember the run", "run_id = ?", statement -> statement.setLong(1, runId), "");
    }

    /** Marks the thread as posted; true for the one caller that did it (the others must not post again). */
    /**
     * Marks the incident's thread posted, on the caller's connection (inside the transaction that queues the post);
     * false when it was posted already (another call or replica won).
     */
    boolean markPosted(Connection connection, long incidentId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE incident_flow SET posted = TRUE,"
                + " updated_at = ? WHERE incident_id = ? AND posted = FALSE")) {
            Jdbc.setInstant(update, 1, clock.instant());
            update.setLong(2, incidentId);
            return update.executeUpdate() == 1;
        }
    }

    /** Remembers the sealed proposal and the diagnosis shown with it (a re-run replaces both). */
    void proposal(long incidentId, String proposalId, String diffSha256, String viewJson) {
        update(incidentId, "remember the proposal", "proposal_id = ?, diff_sha256 = ?, view_json = ?, change_id = NULL,"
                + " approver = NULL", statement -> {
                    statement.setString(1, proposalId);
                    statement.setString(2, diffSha256);
                    statement.setString(3, viewJson);
                }, "");
    }

    void change(long incidentId, long changeId, String approver) {
        update(incidentId, "remember the change", "change_id = ?, approver = ?", statement -> {
            statement.setLong(1, changeId);
            statement.setString(2, approver);
        }, "");
    }

    /** Moves the count of alerts already told in the thread from {@code from} to {@code to}; false if moved already. */
    boolean noted(long incidentId, int from, int to) {
        return update(incidentId, "count the alerts told", "noted_alerts = ?", statement -> statement.setInt(1, to),
                " AND noted_alerts = " + from);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean update(long incidentId, String what, String assignments, Binder binder, String condition) {
        return jdbc.with(what + " of incident " + incidentId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE incident_flow SET " + assignments
                    + ", updated_at = ? WHERE incident_id = ?" + condition)) {
                binder.bind(update);
                int next = update.getParameterMetaData().getParameterCount() - 1;
                Jdbc.setInstant(update, next, clock.instant());
                update.setLong(next + 1, incidentId);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static Flow flow(ResultSet row) throws SQLException {
        return new Flow(row.getLong("incident_id"), row.getString("alert_name"),
                Optional.ofNullable(row.getString("requester")), Jdbc.getNullableLong(row, "run_id"),
                row.getBoolean("posted"), row.getString("proposal_id"), row.getString("diff_sha256"),
                row.getString("view_json"), Jdbc.getNullableLong(row, "change_id"),
                row.getString("approver"), row.getInt("noted_alerts"));
    }
}

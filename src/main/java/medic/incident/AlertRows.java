package medic.incident;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** SQL over the alerts table. */
final class AlertRows {

    private static final String COLUMNS = "id, fingerprint, starts_at, status, ends_at, labels, annotations,"
            + " generator_url, incident_id";

    private AlertRows() {
    }

    /**
     * The stored occurrences these alerts may concern: each exact (fingerprint, startsAt) and every still
     * firing occurrence of their fingerprints.
     */
    static List<StoredAlert> relevantTo(Connection connection, Collection<Alert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(alerts.size(), "?"));
        String sql = "SELECT id, fingerprint, starts_at, status, incident_id FROM alerts WHERE fingerprint IN ("
                + marks + ") AND (status = 'FIRING' OR starts_at IN (" + marks + "))";
        List<StoredAlert> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (Alert alert : alerts) {
                select.setString(index++, alert.fingerprint());
            }
            for (Alert alert : alerts) {
                Jdbc.setInstant(select, index++, alert.startsAt());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long incident = row.getLong("incident_id");
                    found.add(new StoredAlert(row.getLong("id"),
                            Occurrence.of(row.getString("fingerprint"), Jdbc.getInstant(row, "starts_at")),
                            AlertStatus.valueOf(row.getString("status")), row.wasNull() ? null : incident));
                }
            }
        }
        return found;
    }

    static void insert(Connection connection, List<AlertRow> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO alerts (fingerprint, starts_at, status, ends_at, alertname, labels, annotations,"
                + " generator_url, host, upstream, unknown_host_reason, incident_id, received_at, resolved_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (AlertRow row : rows) {
                Alert alert = row.alert();
                insert.setString(1, alert.fingerprint());
                Jdbc.setInstant(insert, 2, alert.startsAt());
                insert.setString(3, row.status().name());
                Jdbc.setInstant(insert, 4, alert.endsAt());
                insert.setString(5, truncated(alert.alertname(), 255));
                insert.setString(6, LabelsJson.write(alert.labels()));
                insert.setString(7, LabelsJson.write(alert.annotations()));
                insert.setString(8, alert.generatorUrl());
                insert.setString(9, row.host());
                insert.setString(10, truncated(row.upstream(), 255));
                insert.setString(11, row.unknownHostReason() == null ? null : truncated(row.unknownHostReason(), 1000));
                if (row.incidentId() == null) {
                    insert.setNull(12, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(12, row.incidentId());
                }
                Jdbc.setInstant(insert, 13, now);
                Jdbc.setInstant(insert, 14, row.status() == AlertStatus.RESOLVED ? now : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A firing occurrence to end: its row and when it ended. */
    record Ending(long id, Instant endsAt) {
    }

    /** FIRING -> RESOLVED for each; per row whether it changed (false: another request resolved it first). */
    static boolean[] resolve(Connection connection, List<Ending> endings, Instant now) throws SQLException {
        boolean[] changed = new boolean[endings.size()];
        if (endings.isEmpty()) {
            return changed;
        }
        String sql = "UPDATE alerts SET status = 'RESOLVED', ends_at = ?, resolved_at = ? WHERE id = ? AND status = 'FIRING'";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Ending ending : endings) {
                Jdbc.setInstant(update, 1, ending.endsAt());
                Jdbc.setInstant(update, 2, now);
                update.setLong(3, ending.id());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                changed[i] = counts[i] == 1;
            }
        }
        return changed;
    }

    /** The occurrences of an incident, oldest first. */
    static List<Alert> ofIncident(Connection connection, long incidentId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM alerts WHERE incident_id = ? ORDER BY starts_at, id";
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, incidentId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    alerts.add(read(row));
                }
            }
        }
        return alerts;
    }

    private static Alert read(ResultSet row) throws SQLException {
        Map<String, String> labels = LabelsJson.read(row.getString("labels"));
        Map<String, String> annotations = LabelsJson.read(row.getString("annotations"));
        return new Alert(row.getString("fingerprint"), AlertStatus.valueOf(row.getString("status")),
                Jdbc.getInstant(row, "starts_at"), Jdbc.getInstant(row, "ends_at"), labels, annotations,
                row.getString("generator_url"));
    }

    private static String truncated(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}

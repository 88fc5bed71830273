package medic.incident;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import medic.store.Database;

/** Row counts straight from the tables, for asserting that nothing (or exactly one thing) was stored. */
public final class StoredCounts {

    private StoredCounts() {
    }

    public static int alerts(Database database) {
        return count(database, "SELECT COUNT(*) FROM alerts");
    }

    public static int incidents(Database database) {
        return count(database, "SELECT COUNT(*) FROM incidents");
    }

    /** Incidents whose kept alert counts differ from counting their alerts: zero when intake kept them exact. */
    public static int incidentsWithWrongCounts(Database database) {
        return count(database, "SELECT COUNT(*) FROM incidents i WHERE i.alert_count <> (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id)"
                + " OR i.firing_count <> (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id AND a.status = 'FIRING')");
    }

    public static int count(Database database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package medic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import medic.store.DatabaseSettings;

/** The storm's outcome as medic's database holds it, read with plain SQL over its own connection. */
final class StormDatabase {

    /**
     * @param occurrences   every stored (fingerprint, startsAt), as {@code fingerprint@epochMicros}
     * @param resolved      the stored occurrences whose status is RESOLVED
     * @param incidents     incident rows
     * @param incidentKeys  distinct (host, upstream) of the incidents
     * @param stages        incidents per stage
     * @param threads       Slack thread key to the ts of its top-level message (slack_conversations)
     * @param outbox        outbox calls per status
     */
    record Snapshot(Set<String> occurrences, Set<String> resolved, int incidents, int incidentKeys,
                    Map<String, Integer> stages, Map<String, String> threads, Map<String, Integer> outbox) {
        int pending() {
            return outbox.getOrDefault("PENDING", 0);
        }

        /** Nothing left to do: no incident waits for or runs its diagnosis, every one has its thread, none queued. */
        boolean settled() {
            return pending() == 0 && threads.size() >= incidents && stages.getOrDefault("NEW", 0) == 0
                    && stages.getOrDefault("DIAGNOSING", 0) == 0;
        }
    }

    private final DatabaseSettings settings;

    StormDatabase(DatabaseSettings settings) {
        this.settings = settings;
    }

    Snapshot read() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            Set<String> occurrences = new HashSet<>();
            Set<String> resolved = new HashSet<>();
            try (ResultSet row = statement.executeQuery("SELECT fingerprint, starts_at, status FROM alerts")) {
                while (row.next()) {
                    String occurrence = row.getString(1) + "@"
                            + AlertStormBench.micros(row.getObject(2, OffsetDateTime.class).toInstant());
                    occurrences.add(occurrence);
                    if ("RESOLVED".equals(row.getString(3))) {
                        resolved.add(occurrence);
                    }
                }
            }
            Map<String, String> threads = new HashMap<>();
            try (ResultSet row = statement.executeQuery("SELECT thread_key, ts FROM slack_conversations")) {
                while (row.next()) {
                    threads.put(row.getString(1), row.getString(2));
                }
            }
            return new Snapshot(occurrences, resolved, count(statement, "SELECT COUNT(*) FROM incidents"),
                    count(statement, "SELECT COUNT(*) FROM (SELECT DISTINCT host, upstream FROM incidents) keys"),
                    grouped(statement, "SELECT stage, COUNT(*) FROM incidents GROUP BY stage"), threads,
                    grouped(statement, "SELECT status, COUNT(*) FROM outbox_calls GROUP BY status"));
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Map<String, Integer> grouped(Statement statement, String sql) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                counts.put(row.getString(1), row.getInt(2));
            }
        }
        return counts;
    }
}

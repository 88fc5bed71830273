package medic.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import medic.store.Database;

/** What the storm left in the database, read back straight from the tables. */
final class StormCheck {

    record Stored(Set<String> occurrences, int incidents, int incidentKeys, int openIncidents, int wrongCounts) {
    }

    private StormCheck() {
    }

    static Stored stored(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            Set<String> occurrences = new HashSet<>();
            try (ResultSet row = statement.executeQuery("SELECT fingerprint, starts_at FROM alerts")) {
                while (row.next()) {
                    occurrences.add(row.getString(1) + "@"
                            + AlertStormBench.micros(row.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
            return new Stored(occurrences, count(statement, "SELECT COUNT(*) FROM incidents"),
                    count(statement, "SELECT COUNT(*) FROM (SELECT DISTINCT host, upstream FROM incidents) keys"),
                    count(statement, "SELECT COUNT(*) FROM incidents WHERE state = 'OPEN'"),
                    count(statement, "SELECT COUNT(*) FROM incidents i WHERE i.alert_count <> (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id)"
                + " OR i.firing_count <> (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id AND a.status = 'FIRING')"));
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /** How many requests ended with each HTTP status; -1 for a transport failure (timeout, reset). */
    static Map<Integer, Integer> statusCounts(AtomicIntegerArray statuses) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < statuses.length(); i++) {
            counts.merge(statuses.get(i), 1, Integer::sum);
        }
        return counts;
    }

    /** CPU seconds this JVM has used (server and load generator together). */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** CPU seconds of live threads by role: the server's (Jetty, H2, Javalin) and the load generator's (HttpClient). */
    static String cpuByRole() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double client = 0;
        double server = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos < 0) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("HttpClient") || name.equals("main")) {
                client += nanos / 1e9;
            } else {
                server += nanos / 1e9;
            }
        }
        return String.format(java.util.Locale.ROOT, "live threads: server and JVM %.1f s, load generator %.1f s",
                server, client);
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min, at the end)", load);
    }
}

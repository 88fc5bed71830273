package medic.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import medic.store.Database;
import medic.store.Jdbc;
import medic.store.StoreException;

/**
 * The watcher's cursors in the {@code log_cursors} table, so a restarted medic, or another replica, resumes where
 * the last committed read stopped.
 */
public final class CursorStore {
    private final Database database;
    private final Clock clock;

    public CursorStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Moves the cursor from {@code from} to {@code to} and records the {@code failures} counted in between, in one
     * transaction and only if the stored cursor is still {@code from}: a read is counted exactly when the cursor
     * moves past it. False when another watcher moved the cursor first (its count stands; this one is dropped).
     */
    public boolean advance(LogCursor from, LogCursor to, int failures, String watcher) {
        Instant now = clock.instant();
        return new Jdbc(database).inTransaction("move the log cursor of " + from.host() + ":" + from.path(),
                connection -> {
                    if (!moved(connection, from, to, now, watcher)) {
                        connection.rollback();
                        return false;
                    }
                    if (failures > 0) {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watch_failures"
                                + " (host, path, failures, seen_at, watcher) VALUES (?, ?, ?, ?, ?)")) {
                            insert.setString(1, from.host());
                            insert.setString(2, from.path());
                            insert.setInt(3, failures);
                            Jdbc.setInstant(insert, 4, now);
                            insert.setString(5, watcher);
                            insert.executeUpdate();
                        }
                    }
                    return true;
                });
    }

    private static boolean moved(Connection connection, LogCursor from, LogCursor to, Instant now, String watcher)
            throws SQLException {
        if (from.isFresh()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_cursors (host, path, identity,"
                    + " log_offset, updated_at, watcher) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM log_cursors WHERE host = ? AND path = ?)")) {
                insert.setString(1, to.host());
                insert.setString(2, to.path());
                insert.setString(3, to.identity());
                insert.setLong(4, to.offset());
                Jdbc.setInstant(insert, 5, now);
                insert.setString(6, watcher);
                insert.setString(7, to.host());
                insert.setString(8, to.path());
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    connection.rollback(); // PostgreSQL ends a transaction at its first error
                    return false; // another watcher inserted it between our check and our insert
                }
                throw e;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE log_cursors SET identity = ?,"
                + " log_offset = ?, updated_at = ?, watcher = ? WHERE host = ? AND path = ? AND identity = ?"
                + " AND log_offset = ?")) {
            update.setString(1, to.identity());
            update.setLong(2, to.offset());
            Jdbc.setInstant(update, 3, now);
            update.setString(4, watcher);
            update.setString(5, from.host());
            update.setString(6, from.path());
            update.setString(7, from.identity());
            update.setLong(8, from.offset());
            return update.executeUpdate() == 1;
        }
    }

    /** The stored cursor for this log, or a fresh one (follow from the end) when the log was never read. */
    public LogCursor load(String host, String path) {
        return find(host, path).orElseGet(() -> LogCursor.fresh(host, path));
    }

    public Optional<LogCursor> find(String host, String path) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT identity, log_offset FROM log_cursors WHERE host = ? AND path = ?")) {
            select.setString(1, host);
            select.setString(2, path);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new LogCursor(host, path, row.getString("identity"), row.getLong("log_offset")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the log cursor of " + host + ":" + path, e);
        }
    }

    /** Stores the cursor, replacing the previous one for the same host and path. */
    public void save(LogCursor cursor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection()) {
            if (update(connection, cursor, now) == 0) {
                try {
                    insert(connection, cursor, now);
                } catch (SQLException e) {
                    // Another writer inserted it first: ours is the newer position.
                    if (!"23505".equals(e.getSQLState()) || update(connection, cursor, now) == 0) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("store the log cursor of " + cursor.host() + ":" + cursor.path(), e);
        }
    }

    private static int update(Connection connection, LogCursor cursor, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_cursors SET identity = ?, log_offset = ?, updated_at = ? WHERE host = ? AND path = ?")) {
            update.setString(1, cursor.identity());
            update.setLong(2, cursor.offset());
            update.setObject(3, now);
            update.setString(4, cursor.host());
            update.setString(5, cursor.path());
            return update.executeUpdate();
        }
    }

    private static void insert(Connection connection, LogCursor cursor, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_cursors (host, path, identity, log_offset, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, cursor.host());
            insert.setString(2, cursor.path());
            insert.setString(3, cursor.identity());
            insert.setLong(4, cursor.offset());
            insert.setObject(5, now);
            insert.executeUpdate();
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in database " + database.settings().redactedUrl() + ": "
                + e.getMessage(), e);
    }
}

package medic.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import medic.store.Database;
import medic.store.StoreException;

/** The watcher's cursors in the {@code log_cursors} table, so a restarted medic resumes where it stopped. */
public final class CursorStore {
    private final Database database;
    private final Clock clock;

    public CursorStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
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

package medic.watch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import medic.store.Database;
import medic.store.Jdbc;

/**
 * What the storm policy remembers per host, in the database so every replica judges a host alike: the failures the
 * watcher counted ({@code watch_failures}, written by {@link CursorStore#advance}) and the last incident it opened.
 */
public final class StormLedger {
    /** Failures not yet counted into an incident within the window: their sum and the newest row among them. */
    public record Window(int failures, long lastRow) {
    }

    /** The last incident opened on a host: when, and the last failure row it counted. */
    public record Opened(Instant at, long countedThrough) {
    }

    private final Jdbc jdbc;

    public StormLedger(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** The failures on {@code host} seen after {@code since} and after row {@code afterRow}. */
    public Window window(String host, Instant since, long afterRow) {
        return jdbc.with("sum the recent failures on " + host, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(failures), 0),"
                    + " COALESCE(MAX(id), 0) FROM watch_failures WHERE host = ? AND seen_at > ? AND id > ?")) {
                select.setString(1, host);
                Jdbc.setInstant(select, 2, since);
                select.setLong(3, afterRow);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Window(row.getInt(1), row.getLong(2));
                }
            }
        });
    }

    public Optional<Opened> lastOpened(String host) {
        return jdbc.with("read the last storm on " + host, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT opened_at, counted_through FROM watch_storms WHERE host = ?")) {
                select.setString(1, host);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Opened(Jdbc.getInstant(row, "opened_at"),
                            row.getLong("counted_through"))) : Optional.<Opened>empty();
                }
            }
        });
    }

    /** Remembers an incident opened on {@code host}; the failures up to {@code countedThrough} are spent. */
    public void opened(String host, Instant at, long countedThrough) {
        jdbc.inTransaction("remember the storm on " + host, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE watch_storms SET opened_at = ?,"
                    + " counted_through = ? WHERE host = ? AND counted_through < ?")) {
                Jdbc.setInstant(update, 1, at);
                update.setLong(2, countedThrough);
                update.setString(3, host);
                update.setLong(4, countedThrough);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watch_storms (host, opened_at,"
                    + " counted_through) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM watch_storms WHERE host = ?)")) {
                insert.setString(1, host);
                Jdbc.setInstant(insert, 2, at);
                insert.setLong(3, countedThrough);
                insert.setString(4, host);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    connection.rollback(); // PostgreSQL ends a transaction at its first error
                    return false; // another replica remembered the same storm a moment earlier
                }
                throw e;
            }
        });
    }

    /** Deletes the failure rows of {@code host} older than {@code before} (nothing judges them any more). */
    public int purge(String host, Instant before) {
        return jdbc.with("purge the old failures on " + host, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM watch_failures WHERE host = ? AND seen_at < ?")) {
                delete.setString(1, host);
                Jdbc.setInstant(delete, 2, before);
                return delete.executeUpdate();
            }
        });
    }
}

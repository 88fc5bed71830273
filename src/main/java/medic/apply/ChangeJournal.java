package medic.apply;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import medic.store.Database;

/**
 * The apply journal in the database: each change's state (moved by compare-and-set, so two workers cannot both
 * move it), its backups, and the per-host lock row that makes replicas take turns on a host.
 */
final class ChangeJournal {

    private static final String COLUMNS = "id, proposal_id, host, approver, state, detail, backup_suffix, created_at,"
            + " updated_at, started_at";

    private final Jdbc jdbc;

    ChangeJournal(Database database) {
        this.jdbc = new Jdbc(database);
    }

    Jdbc jdbc() {
        return jdbc;
    }

    Optional<Change> find(long changeId) {
        return jdbc.with("read change " + changeId, connection -> {
            List<Change> found = select(connection, "SELECT " + COLUMNS + " FROM apply_changes WHERE id = ?", changeId);
            return found.stream().findFirst();
        });
    }

    Change require(long changeId) {
        return find(changeId).orElseThrow(() -> new ApplyException("there is no change " + changeId));
    }

    /** Changes not in a terminal state, oldest first. */
    List<Change> unfinished() {
        String states = Stream.of(ChangeState.values()).filter(s -> !s.isTerminal())
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return jdbc.with("list unfinished changes", connection -> select(connection, "SELECT " + COLUMNS
                + " FROM apply_changes WHERE state IN (" + states + ") ORDER BY id", null));
    }

    /** Moves the change to {@code to} if it is in {@code from}; false when someone else moved it first. */
    boolean move(long changeId, ChangeState from, ChangeState to, String detail, Instant now) {
        return jdbc.with("move change " + changeId + " to " + to, connection -> move(connection, changeId, from, to,
                detail, now));
    }

    /** Moves the change from {@code from} to {@code to}, or fails naming both when another worker moved it first. */
    void advance(long changeId, ChangeState from, ChangeState to, String detail, Instant now) {
        if (!move(changeId, from, to, detail, now)) {
            throw new ApplyException("change " + changeId + " left state " + from + " under another worker's hands"
                    + " (expected to move it to " + to + "); check /medic history");
        }
    }

    static boolean move(Connection connection, long changeId, ChangeState from, ChangeState to, String detail,
            Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE apply_changes SET state = ?, detail = ?,"
                + " updated_at = ? WHERE id = ? AND state = ?")) {
            update.setString(1, to.name());
            update.setString(2, detail);
            Jdbc.setInstant(update, 3, now);
            update.setLong(4, changeId);
            update.setString(5, from.name());
            return update.executeUpdate() == 1;
        }
    }

    /** Takes the host's lock for the change; false when another change holds it. */
    boolean lock(String host, long changeId, String holder, Instant now) {
        return jdbc.with("lock host " + host, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_locks (host, change_id,"
                    + " holder, acquired_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, host);
                insert.setLong(2, changeId);
                insert.setString(3, holder);
                Jdbc.setInstant(insert, 4, now);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The change holding the host's lock, if any. */
    Optional<Long> lockHolder(String host) {
        return jdbc.with("read the lock of " + host, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT change_id FROM apply_locks WHERE host = ?")) {
                select.setString(1, host);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Takes the host's lock over for a change recovering after a crash (the lock may still name it). */
    boolean relock(String host, long changeId, String holder, Instant now) {
        Optional<Long> current = lockHolder(host);
        if (current.isPresent() && current.get() != changeId) {
            return false;
        }
        unlock(host, changeId);
        return lock(host, changeId, holder, now);
    }

    void unlock(String host, long changeId) {
        jdbc.with("unlock host " + host, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM apply_locks WHERE host = ? AND change_id = ?")) {
                delete.setString(1, host);
                delete.setLong(2, changeId);
                delete.executeUpdate();
                return null;
            }
        });
    }

    /** Stores the backups and the host copies' suffix, and moves APPROVED -> BACKED_UP, in one transaction. */
    boolean saveBackups(long changeId, String suffix, List<Backup> backups, Instant now) {
        return jdbc.inTransaction("store the backups of change " + changeId, connection -> {
            insertBackups(connection, changeId, backups);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE apply_changes SET backup_suffix = ? WHERE id = ?")) {
                update.setString(1, suffix);
                update.setLong(2, changeId);
                update.executeUpdate();
            }
            if (!move(connection, changeId, ChangeState.APPROVED, ChangeState.BACKED_UP, "backed up", now)) {
                connection.rollback();
                return false;
            }
            return true;
        });
    }

    /**
     * Stores the backups a recovery found on the host, each proven by its sealed sha256, for a change whose journal
     * lost its BACKED_UP (and later) commits, and moves APPROVED -> RESTORING, in one transaction: a recovery killed
     * after this finishes as any other interrupted restore.
     */
    boolean adoptHostBackups(long changeId, List<Backup> backups, String detail, Instant now) {
        return jdbc.inTransaction("store the host backups of change " + changeId, connection -> {
            // Moved first: a change another worker took out of APPROVED keeps its own backups untouched.
            if (!move(connection, changeId, ChangeState.APPROVED, ChangeState.RESTORING, detail, now)) {
                return false;
            }
            insertBackups(connection, changeId, backups);
            return true;
        });
    }

    private static void insertBackups(Connection connection, long changeId, List<Backup> backups) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_backups (change_id,"
                + " file_index, path, host_copy, sha256, content) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < backups.size(); i++) {
                Backup backup = backups.get(i);
                insert.setLong(1, changeId);
                insert.setInt(2, i);
                insert.setString(3, backup.path());
                insert.setString(4, backup.hostCopy());
                insert.setString(5, backup.sha256());
                insert.setBytes(6, backup.content());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    List<Backup> backups(long changeId) {
        return jdbc.with("read the backups of change " + changeId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path, host_copy, sha256, content"
                    + " FROM apply_backups WHERE change_id = ? ORDER BY file_index")) {
                select.setLong(1, changeId);
                try (ResultSet rows = select.executeQuery()) {
                    List<Backup> backups = new ArrayList<>();
                    while (rows.next()) {
                        backups.add(new Backup(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getBytes(4)));
                    }
                    return backups;
                }
            }
        });
    }

    private static List<Change> select(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (key != null) {
                select.setObject(1, key);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<Change> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new Change(rows.getLong("id"), rows.getString("proposal_id"), rows.getString("host"),
                            rows.getString("approver"), ChangeState.valueOf(rows.getString("state")),
                            rows.getString("detail"), rows.getString("backup_suffix"),
                            Jdbc.getInstant(rows, "created_at"), Jdbc.getInstant(rows, "updated_at"),
                            Jdbc.getInstant(rows, "started_at")));
                }
                return changes;
            }
        }
    }
}

package medic.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import medic.store.Database;
import medic.store.StoreException;

/** The JDBC plumbing of the incident store: connections, transactions, retryable failures, times. */
final class Sql {

    /** Unique violation, serialization failure, PostgreSQL deadlock, H2 lock timeout: worth one more try. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Database database;

    Sql(Database database) {
        this.database = database;
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    <T> T with(String what, Work<T> work) {
        try (Connection connection = database.dataSource().getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction, again from the start (re-reading everything) when it loses a race to
     * another transaction, up to {@code attempts} times.
     */
    <T> T inTransaction(String what, int attempts, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.on(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw failure(what, e);
                }
                last = e;
            }
        }
        throw failure(what + " (gave up after " + attempts + " attempts racing other requests)", last);
    }

    private static boolean isRetryable(SQLException e) {
        return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    private StoreException failure(String what, SQLException e) {
        String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("no reason given");
        return new StoreException("cannot " + what + " in database " + database.settings().redactedUrl() + ": "
                + reason, e);
    }



}

package medic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The JDBC plumbing medic's stores share: borrowing a connection, transactions, wording failures, binding times and
 * nulls. Each store keeps its SQL; this keeps the ceremony in one place.
 */
public final class Jdbc {

    public static final String UNIQUE_VIOLATION = "23505";

    /**
     * The SQLSTATEs of a transaction that lost a race to another one, for which running it again is right: unique
     * violation (two inserts took one place), serialization failure and deadlock (PostgreSQL), H2's concurrent
     * update and lock timeout.
     */
    public static final Set<String> LOST_RACE = Set.of(UNIQUE_VIOLATION, "40001", "40P01", "90131", "HYT00");

    /** Work done on one pooled connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Database database;

    public Jdbc(Database database) {
        this.database = database;
    }

    /** Runs {@code work} on a pooled connection; a SQL failure becomes a StoreException naming {@code what}. */
    public <T> T with(String what, Work<T> work) {
        try (Connection connection = database.dataSource().getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        return inTransaction(what, 1, Set.of(), work);
    }

    /**
     * Runs {@code work} in one transaction, and again from the start (re-reading everything) when it fails with one
     * of {@code retryableStates}, up to {@code attempts} times in all; e.g. {@link #LOST_RACE} for a transaction
     * that may lose a race to another one.
     */
    public <T> T inTransaction(String what, int attempts, Set<String> retryableStates, Work<T> work) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
        }
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
                if (e.getSQLState() == null || !retryableStates.contains(e.getSQLState())) {
                    throw failure(what, e);
                }
                last = e;
            }
        }
        throw failure(what + " (gave up after " + attempts + " attempts racing other transactions)", last);
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in database " + database.settings().redactedUrl() + ": "
                + OpenFailure.firstLine(e.getMessage()), e);
    }

    /** Both databases keep microseconds; truncating first makes a stored time read back equal. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static Integer getNullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static Long getNullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}

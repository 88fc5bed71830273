package medic.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import medic.store.Database;
import medic.store.StoreException;

/** The outbox's JDBC plumbing: pooled connections, transactions that retry lost races, and times in UTC. */
final class OutboxJdbc {

    /**
     * Another transaction won a race: unique violation (two enqueues took one place), serialization or deadlock
     * (PostgreSQL), H2's "concurrent update" and lock timeout. Retrying the whole transaction is right for all.
     */
    private static final Set<String> LOST_RACE = Set.of("23505", "40001", "40P01", "90131", "HYT00");
    private static final int RACE_RETRIES = 20;

    /** Work done in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Database database;

    OutboxJdbc(Database database) {
        this.database = database;
    }

    /** Runs {@code work} in one transaction, again when it loses a race; a SQL failure names {@code what}. */
    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
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
                if (lostRace(e) && attempt < RACE_RETRIES) {
                    continue;
                }
                throw new StoreException("cannot " + what + " in database " + database.settings().redactedUrl() + ": "
                        + firstLine(e.getMessage()), e);
            }
        }
    }

    static boolean lostRace(SQLException e) {
        return e.getSQLState() != null && LOST_RACE.contains(e.getSQLState());
    }



    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse("no reason given");
    }
}

package medic.outbox;

import medic.store.Database;
import medic.store.Jdbc;

/** The outbox's transactions: each runs again when it loses a race to another worker or replica. */
final class OutboxJdbc {

    /** Enough for a burst of replicas enqueuing into one thread at once. */
    private static final int RACE_ATTEMPTS = 20;

    private final Jdbc jdbc;

    OutboxJdbc(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Runs {@code work} in one transaction, again when it loses a race; a SQL failure names {@code what}. */
    <T> T inTransaction(String what, Jdbc.Work<T> work) {
        return jdbc.inTransaction(what, RACE_ATTEMPTS, Jdbc.LOST_RACE, work);
    }
}

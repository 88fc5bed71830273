package medic.incident;

import java.util.List;

/**
 * What alert intake tells the incident flow, after the transaction that recorded it has committed. Each event
 * follows from one new occurrence or state change in the database, so a duplicate delivery (a resend, or the same
 * webhook at two replicas) produces none. Called on the webhook's request thread: hand work off, do not block.
 * The database stays the truth: an incident whose stage is still {@link Incident#NEW_STAGE} after a crash can be
 * found with {@link IncidentStore#inStage}.
 */
public interface IncidentEvents {

    /** A host and upstream with no open incident started firing: a new incident (new Slack thread). */
    void opened(Incident incident, List<Alert> alerts);

    /** New occurrences for an incident that was already open (to its thread, not a new message). */
    void repeated(Incident incident, List<Alert> newAlerts);

    /**
     * An incident resolved within the reopen window fires again and is open once more, in the same thread.
     * By default treated as a repeat.
     */
    default void reopened(Incident incident, List<Alert> newAlerts) {
        repeated(incident, newAlerts);
    }

    /** Every alert of the incident has resolved. */
    void resolved(Incident incident);

    /** A new firing alert names no inventory host (or several); {@code reason} says which labels were tried. */
    void unknownHost(Alert alert, String reason);

    /** Events that go nowhere, for a server without an incident flow yet. */
    IncidentEvents IGNORE = new IncidentEvents() {
        @Override
        public void opened(Incident incident, List<Alert> alerts) {
        }

        @Override
        public void repeated(Incident incident, List<Alert> newAlerts) {
        }

        @Override
        public void resolved(Incident incident) {
        }

        @Override
        public void unknownHost(Alert alert, String reason) {
        }
    };
}

package medic.lifecycle;

/**
 * Where an incident's flow stands (the incident's {@code stage} column). Moves are compare-and-set in the
 * database, so when two replicas race only one moves the incident on.
 */
enum Stage {
    /** Recorded by intake; nobody has started on it (a crash between intake and diagnosis leaves it here). */
    NEW,
    /** The runbook runs on the host. */
    DIAGNOSING,
    /** Diagnosed; the proposal waits for an allowed person's approval (or there was nothing to change). */
    AWAITING_APPROVAL,
    /** Approved; the change is being applied and verified. */
    APPLYING,
    APPLIED,
    ROLLED_BACK,
    REJECTED,
    /** The runbook or the apply failed; a re-run starts over. */
    FAILED;

    /** Stages a Re-run may start from: anything but work in progress. */
    boolean mayRerun() {
        return this != DIAGNOSING && this != APPLYING;
    }

    static Stage of(String stored) {
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException e) {
            return NEW;
        }
    }
}

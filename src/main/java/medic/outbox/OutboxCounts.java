package medic.outbox;

/**
 * How many calls the outbox holds in each state, across every worker sharing the database.
 *
 * @param pending    waiting to be sent (or being sent)
 * @param sent       sent and not yet purged
 * @param superseded updates replaced by a later update before they were sent
 * @param dead       given up on: see their last error
 */
public record OutboxCounts(long pending, long sent, long superseded, long dead) {
}

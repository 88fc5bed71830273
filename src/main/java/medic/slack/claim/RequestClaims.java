package medic.slack.claim;

import java.time.Clock;
import medic.store.Database;

/**
 * Who handles a Slack request: the first to claim its key (see {@link RequestKeys}) does, every later claim of the
 * same key within the claim's time to live is told no, and acknowledges without doing anything. Shared through the
 * database ({@link JdbcRequestClaims}), one claim holds across every replica; in memory
 * ({@link InMemoryRequestClaims}), across the threads of one process.
 */
@FunctionalInterface
public interface RequestClaims {

    /** For a medic running alone: what its in-memory guard remembers is all there is to know. */
    RequestClaims SINGLE_REPLICA = requestKey -> true;

    /**
     * The claims every replica on {@code database} shares, each held for {@link JdbcRequestClaims#TTL} and waited
     * for at most {@link BoundedRequestClaims#BOUND}; {@code replica} is recorded with each claim.
     */
    static RequestClaims amongReplicas(Database database, Clock clock, String replica) {
        return new BoundedRequestClaims(new JdbcRequestClaims(database, JdbcRequestClaims.TTL, clock, replica),
                BoundedRequestClaims.BOUND, BoundedRequestClaims.MAX_WAITING);
    }

    /**
     * Claims {@code requestKey} for this replica.
     *
     * @return true when no live claim of the key existed (this caller handles the request), false when one did
     * @throws medic.store.StoreException when the shared store cannot be asked
     */
    boolean claim(String requestKey);
}

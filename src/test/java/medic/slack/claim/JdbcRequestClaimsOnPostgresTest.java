package medic.slack.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import medic.slack.command.DuplicateGuard;
import medic.store.Jdbc;
import medic.store.StoreException;
import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.Test;

@RequiresPostgres
class JdbcRequestClaimsOnPostgresTest extends RequestClaimsContract {

    @Override
    TestDatabase newTestDatabase() {
        return PostgresDatabase.freshSchema();
    }

    /**
     * A replica's transaction holds the key's row (inserted, not yet committed): PostgreSQL makes the other replica's
     * insert wait for it. Bounded, the claim gives up in time for Slack's 3 s and the request is handled here; the
     * late claim ends on its own once the lock is gone.
     */
    @Test
    void a_claim_stuck_behind_a_lock_gives_up_within_its_bound_and_the_request_is_handled_here() throws Exception {
        String key = "slash:7318201538.1234567890.locked";
        try (Connection holder = first.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement("INSERT INTO slack_request_claims (request_key,"
                    + " claimed_at, expires_at, claimed_by) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, key);
                Jdbc.setInstant(insert, 2, clock.instant());
                Jdbc.setInstant(insert, 3, clock.instant().plus(TTL));
                insert.setString(4, "replica-a");
                insert.executeUpdate();
            }
            CompletableFuture<Boolean> unbounded = CompletableFuture.supplyAsync(() -> replicaB.claim(key));
            BoundedRequestClaims bounded = new BoundedRequestClaims(replicaB, Duration.ofMillis(300), 4);

            StoreException slow = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(StoreException.class, () -> bounded.claim(key)));
            assertTrue(slow.getMessage().contains("did not answer the claim of a Slack request within 300 ms"),
                    slow.getMessage());
            DuplicateGuard guard = new DuplicateGuard(Duration.ofMinutes(1), clock, bounded);
            assertEquals(DuplicateGuard.Sighting.NEW, assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> guard.see(key, "U0ALICE /medic diagnose web-1")), "handled here rather than late for Slack");
            assertFalse(unbounded.isDone(), "without a bound the claim is still waiting for the lock");

            holder.commit();
            assertFalse(unbounded.get(10, TimeUnit.SECONDS), "once the holder commits, the key is its");
        }
    }
}

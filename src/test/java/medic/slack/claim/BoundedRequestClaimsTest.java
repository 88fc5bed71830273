package medic.slack.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import medic.store.StoreException;
import medic.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedRequestClaimsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final RequestClaims stuck = key -> {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    };

    @AfterEach
    void unblock() {
        release.countDown();
    }

    @Test
    void answers_in_time_pass_through_unchanged() {
        InMemoryRequestClaims memory = new InMemoryRequestClaims(Duration.ofMinutes(30),
                new ManualClock(Instant.parse("2026-11-24T12:00:00Z")));
        BoundedRequestClaims bounded = new BoundedRequestClaims(memory, Duration.ofSeconds(2), 2);

        assertTrue(bounded.claim("slash:1"));
        assertFalse(bounded.claim("slash:1"));
        assertTrue(bounded.claim("slash:2"));
    }

    @Test
    void a_store_failure_reaches_the_caller_as_it_was() {
        StoreException down = new StoreException("could not connect to the database at db:5432");
        BoundedRequestClaims bounded = new BoundedRequestClaims(key -> {
            throw down;
        }, Duration.ofSeconds(2), 2);

        assertSame(down, assertThrows(StoreException.class, () -> bounded.claim("slash:1")));
    }

    @Test
    void with_every_waiting_place_taken_by_a_stuck_claim_the_next_fails_at_once() {
        BoundedRequestClaims bounded = new BoundedRequestClaims(stuck, Duration.ofMillis(100), 1);
        assertThrows(StoreException.class, () -> bounded.claim("slash:1"), "the first claim times out");

        StoreException full = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(StoreException.class, () -> bounded.claim("slash:2")));
        assertEquals("the database is already slow to answer 1 claims of Slack requests; not waiting for another",
                full.getMessage());
    }

    @Test
    void refuses_a_bound_that_could_never_be_met() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedRequestClaims(stuck, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedRequestClaims(stuck, Duration.ofSeconds(1), 0));
    }
}

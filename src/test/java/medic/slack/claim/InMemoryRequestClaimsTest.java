package medic.slack.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import medic.testing.ManualClock;
import org.junit.jupiter.api.Test;

class InMemoryRequestClaimsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T11:00:00Z"));
    private final InMemoryRequestClaims claims = new InMemoryRequestClaims(Duration.ofMinutes(6), clock);

    @Test
    void a_key_is_claimed_once_until_its_claim_expires() {
        assertTrue(claims.claim("slash:1"));
        assertFalse(claims.claim("slash:1"));
        clock.advance(Duration.ofMinutes(6).minusNanos(1000));
        assertFalse(claims.claim("slash:1"), "still live");
        clock.advance(Duration.ofNanos(1000));
        assertTrue(claims.claim("slash:1"), "expired");
    }

    @Test
    void expired_claims_are_forgotten_as_new_ones_come() {
        for (int i = 0; i < 100; i++) {
            claims.claim("action:" + i);
        }
        clock.advance(Duration.ofMinutes(7));
        claims.claim("action:new");

        assertEquals(1, claims.size());
    }

    @Test
    void many_threads_claiming_one_key_let_one_win() throws Exception {
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger won = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    if (claims.claim("event:Ev1")) {
                        won.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, won.get());
    }

    @Test
    void refuses_a_time_to_live_that_is_not_positive() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRequestClaims(Duration.ZERO, clock));
    }
}

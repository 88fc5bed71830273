package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import medic.slack.claim.InMemoryRequestClaims;
import medic.slack.claim.RequestClaims;
import medic.store.StoreException;
import medic.testing.ManualClock;
import org.junit.jupiter.api.Test;

class DuplicateGuardTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2025-05-01T10:00:00Z"));
    private final DuplicateGuard guard = new DuplicateGuard(Duration.ofSeconds(30), clock);

    @Test
    void lets_a_request_through_once() {
        assertTrue(guard.firstTime("action:1", "click:U1:approve:incident=42"));
        assertFalse(guard.firstTime("action:1", "click:U1:approve:incident=42"), "a retry of the same request");
        assertFalse(guard.firstTime("action:2", "click:U1:approve:incident=42"), "a double click");
        assertTrue(guard.firstTime("action:3", "click:U2:approve:incident=42"), "another user's click");
        assertTrue(guard.firstTime("action:4", "click:U1:approve:incident=43"), "another incident");
    }

    @Test
    void tells_a_retry_from_a_repeat() {
        assertEquals(DuplicateGuard.Sighting.NEW, guard.see("action:1", "click:U1:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.RETRY, guard.see("action:1", "click:U1:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.REPEAT, guard.see("action:2", "click:U1:approve:incident=42"));
    }

    @Test
    void forgets_a_click_after_its_window_but_a_request_id_for_the_signature_lifetime() {
        guard.firstTime("action:1", "click:U1:rerun:incident=42");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(guard.firstTime("action:2", "click:U1:rerun:incident=42"));

        clock.advance(Duration.ofMinutes(5));
        assertFalse(guard.firstTime("action:1", "click:U9:other"), "a replay inside Bolt's 5 minutes");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(guard.firstTime("action:1", "click:U9:other"), "Bolt itself refuses older signatures");
    }

    @Test
    void fifty_simultaneous_clicks_let_one_through() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger through = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            String requestId = "action:" + i;
            threads.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (guard.firstTime(requestId, "click:U1:approve:incident=42")) {
                    through.incrementAndGet();
                }
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, through.get());
    }

    @Test
    void a_request_another_replica_took_on_is_dropped_here_as_a_retry() {
        RequestClaims shared = new InMemoryRequestClaims(Duration.ofMinutes(30), clock);
        DuplicateGuard replicaA = new DuplicateGuard(Duration.ofSeconds(30), clock, shared);
        DuplicateGuard replicaB = new DuplicateGuard(Duration.ofSeconds(30), clock, shared);

        assertEquals(DuplicateGuard.Sighting.NEW, replicaA.see("action:1", "click:U1:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.RETRY, replicaB.see("action:1", "click:U1:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.REPEAT, replicaB.see("action:2", "click:U1:approve:incident=42"),
                "B remembers the click it dropped, so a double click on B is a repeat");
        assertEquals(DuplicateGuard.Sighting.NEW, replicaB.see("action:3", "click:U2:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.RETRY, replicaA.see("action:3", "click:U2:approve:incident=42"));
    }

    @Test
    void a_retry_seen_here_before_is_dropped_without_asking_the_other_replicas() {
        List<String> asked = new ArrayList<>();
        DuplicateGuard replica = new DuplicateGuard(Duration.ofSeconds(30), clock, key -> asked.add(key));

        replica.see("action:1", "click:U1:approve:incident=42");
        replica.see("action:1", "click:U1:approve:incident=42");
        replica.see("action:2", "click:U1:approve:incident=42");

        assertEquals(List.of("action:1"), asked);
    }

    @Test
    void when_the_shared_claims_cannot_be_asked_the_request_is_handled_here() {
        DuplicateGuard replica = new DuplicateGuard(Duration.ofSeconds(30), clock, key -> {
            throw new StoreException("cannot claim Slack request " + key + " in database jdbc:postgresql://db/medic:"
                    + " Connection refused");
        });

        assertEquals(DuplicateGuard.Sighting.NEW, replica.see("action:1", "click:U1:approve:incident=42"));
        assertEquals(DuplicateGuard.Sighting.RETRY, replica.see("action:1", "click:U1:approve:incident=42"),
                "this replica still remembers it");
    }
}

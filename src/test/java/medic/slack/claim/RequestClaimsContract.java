package medic.slack.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import medic.schedule.Scheduler;
import medic.schedule.SchedulerSettings;
import medic.store.Database;
import medic.testing.ManualClock;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' claims on one database, each with its own connection pool: one delivery of a request wins however
 * the deliveries race, expired claims are taken over once and swept. Run by one subclass per vendor.
 */
abstract class RequestClaimsContract {
    static final Duration TTL = Duration.ofMinutes(30);
    private static final int THREADS_PER_REPLICA = 8;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T11:00:00Z"));
    private TestDatabase testDatabase;
    Database first;
    private Database second;
    JdbcRequestClaims replicaA;
    JdbcRequestClaims replicaB;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void open() {
        testDatabase = newTestDatabase();
        first = Database.open(testDatabase.settings());
        second = Database.open(testDatabase.settings());
        replicaA = new JdbcRequestClaims(first, TTL, clock, "replica-a");
        replicaB = new JdbcRequestClaims(second, TTL, clock, "replica-b");
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
        testDatabase.close();
    }

    @Test
    void the_first_claim_of_a_request_wins_and_every_later_one_on_any_replica_loses() throws SQLException {
        assertTrue(replicaA.claim("slash:7318201538.1234567890.3f0c2e8c"));

        assertFalse(replicaA.claim("slash:7318201538.1234567890.3f0c2e8c"), "the same replica again");
        assertFalse(replicaB.claim("slash:7318201538.1234567890.3f0c2e8c"), "the other replica");
        assertTrue(replicaB.claim("slash:7318201538.1234567890.99999999"), "another request");
        assertEquals(List.of("replica-a", "2026-11-24T11:00:00Z", "2026-11-24T11:30:00Z"),
                row("slash:7318201538.1234567890.3f0c2e8c"));
    }

    @Test
    void two_replicas_racing_each_request_from_many_threads_let_exactly_one_delivery_win() throws Exception {
        int requests = 40;
        int threads = 2 * THREADS_PER_REPLICA;
        Map<String, List<String>> winners = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> racers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                JdbcRequestClaims claims = thread % 2 == 0 ? replicaA : replicaB;
                String name = (thread % 2 == 0 ? "a" : "b") + thread;
                racers.add(pool.submit(() -> {
                    for (int request = 0; request < requests; request++) {
                        String key = RequestKeys.click("1764000000." + request, "7318201540.1.c1d2e3f4");
                        start.await(30, TimeUnit.SECONDS);
                        if (claims.claim(key)) {
                            winners.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(requests, winners.size(), "every request is claimed: " + winners.keySet());
        winners.forEach((key, won) -> assertEquals(1, won.size(), key + " was won by " + won));
        assertEquals(requests, count("SELECT COUNT(*) FROM slack_request_claims"));
        assertTrue(winners.values().stream().anyMatch(won -> won.get(0).startsWith("a"))
                && winners.values().stream().anyMatch(won -> won.get(0).startsWith("b")),
                "both replicas won some races, so both raced: " + winners);
    }

    @Test
    void a_claim_holds_until_it_expires_and_is_then_taken_over_by_one_replica() throws SQLException {
        assertTrue(replicaA.claim("event:Ev0MEDIC01"));
        clock.advance(TTL.minusSeconds(1));
        assertFalse(replicaB.claim("event:Ev0MEDIC01"), "a second before it expires");

        clock.advance(Duration.ofSeconds(1));
        assertTrue(replicaB.claim("event:Ev0MEDIC01"), "expired: the request is new again");
        assertFalse(replicaA.claim("event:Ev0MEDIC01"), "taken over once");
        assertEquals(List.of("replica-b", "2026-11-24T11:30:00Z", "2026-11-24T12:00:00Z"), row("event:Ev0MEDIC01"));
    }

    @Test
    void many_threads_taking_over_one_expired_claim_let_exactly_one_win() throws Exception {
        assertTrue(replicaA.claim("view:V0REJECT:hash-1"));
        clock.advance(TTL.plusMinutes(1));
        int threads = 2 * THREADS_PER_REPLICA;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> racers = new ArrayList<>();
        try {
            for (int thread = 0; thread < threads; thread++) {
                JdbcRequestClaims claims = thread % 2 == 0 ? replicaA : replicaB;
                racers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return claims.claim("view:V0REJECT:hash-1");
                }));
            }
            int won = 0;
            for (Future<Boolean> racer : racers) {
                won += racer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_sweep_deletes_expired_claims_and_keeps_live_ones() throws Exception {
        replicaA.claim("slash:old");
        clock.advance(Duration.ofMinutes(20));
        replicaB.claim("slash:recent");
        clock.advance(Duration.ofMinutes(10));

        assertEquals(1, replicaB.sweepExpired(), "slash:old expired just now");
        assertEquals(List.of("slash:recent"), keys());
        assertFalse(replicaA.claim("slash:recent"), "the live claim still holds");
        assertEquals(0, replicaA.sweepExpired(), "nothing more to sweep");

        clock.advance(Duration.ofMinutes(20));
        JdbcRequestClaims.sweepTask(first, clock).run(null);
        assertEquals(List.of(), keys(), "the scheduler's task sweeps too");
    }

    @Test
    void the_scheduler_sweeps_expired_claims_as_a_repeating_job() throws Exception {
        replicaA.claim("slash:old");
        clock.advance(TTL);
        replicaB.claim("slash:live");
        try (Scheduler scheduler = Scheduler.start(first, SchedulerSettings.single(1),
                Map.of(JdbcRequestClaims.SWEEP_TASK, JdbcRequestClaims.sweepTask(first, clock)))) {
            scheduler.scheduleRepeating(JdbcRequestClaims.SWEEP_TASK, JdbcRequestClaims.SWEEP_TASK, Map.of(),
                    Duration.ofMillis(200));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!keys().equals(List.of("slash:live")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(List.of("slash:live"), keys());
    }

    @Test
    void a_key_longer_than_the_column_is_claimed_by_its_hash() throws SQLException {
        String longKey = "slash:" + "x".repeat(500);

        assertTrue(replicaA.claim(longKey));
        assertFalse(replicaB.claim(longKey));
        assertTrue(replicaB.claim(longKey + "y"));
        assertTrue(keys().stream().allMatch(key -> key.matches("sha256:[0-9a-f]{64}")), keys().toString());
    }

    private List<String> row(String key) throws SQLException {
        try (Connection connection = first.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT claimed_by, claimed_at, expires_at"
                        + " FROM slack_request_claims WHERE request_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next(), "a row for " + key);
                return List.of(result.getString(1), medic.store.Jdbc.getInstant(result, "claimed_at").toString(),
                        medic.store.Jdbc.getInstant(result, "expires_at").toString());
            }
        }
    }

    private List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = first.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT request_key FROM slack_request_claims ORDER BY request_key");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                keys.add(result.getString(1));
            }
        }
        return keys;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = first.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}

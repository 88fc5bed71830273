package medic.incident;

import static medic.incident.Alerts.T0;
import static medic.incident.Alerts.firing;
import static medic.incident.Alerts.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries racing each other (resends, several replicas): the database lets exactly one win each change. */
abstract class ConcurrentIntakeContract {

    private static final int THREADS = 8;

    IntakeFixture fixture;
    private ExecutorService pool;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void open() {
        fixture = new IntakeFixture(newTestDatabase());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        assertEquals(0, StoredCounts.incidentsWithWrongCounts(fixture.database), "incidents with wrong counts");
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        fixture.close();
    }

    /** Runs each delivery on its own thread, all released at once; their results in order. */
    private List<IntakeResult> race(List<List<Alert>> deliveries) throws Exception {
        CyclicBarrier start = new CyclicBarrier(deliveries.size());
        List<Future<IntakeResult>> futures = new ArrayList<>();
        for (List<Alert> delivery : deliveries) {
            Callable<IntakeResult> task = () -> {
                start.await(10, TimeUnit.SECONDS);
                return fixture.intake.accept(delivery);
            };
            futures.add(pool.submit(task));
        }
        List<IntakeResult> results = new ArrayList<>();
        for (Future<IntakeResult> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void identical_deliveries_at_once_open_one_incident_and_tell_it_once() throws Exception {
        List<Alert> delivery = List.of(firing("a1", T0, "edge-1", "checkout"), firing("a2", T0, "edge-1", "checkout"));

        List<IntakeResult> results = race(java.util.Collections.nCopies(THREADS, delivery));

        assertEquals(2, results.stream().mapToInt(IntakeResult::newOccurrences).sum());
        assertEquals(2 * (THREADS - 1), results.stream().mapToInt(IntakeResult::duplicates).sum());
        assertEquals(1, fixture.storedIncidents());
        assertEquals(2, fixture.storedAlerts());
        assertEquals(1, fixture.events.lines().size(), fixture.events.lines().toString());
        assertEquals("opened", fixture.events.lines().get(0).split(" ")[0]);
    }

    @Test
    void different_alerts_of_one_upstream_at_once_share_one_incident() throws Exception {
        List<List<Alert>> deliveries = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            deliveries.add(List.of(firing("b" + i, T0, "edge-2", "api")));
        }

        race(deliveries);

        assertEquals(1, fixture.storedIncidents());
        Incident incident = fixture.store.open().get(0);
        assertEquals(THREADS, incident.firingCount());
        List<String> kinds = fixture.events.lines().stream().map(line -> line.split(" ")[0]).sorted().toList();
        assertEquals("opened", kinds.get(0));
        assertEquals(THREADS - 1, kinds.stream().filter("repeated"::equals).count());
    }

    @Test
    void the_last_alerts_resolving_at_once_resolve_the_incident_exactly_once() throws Exception {
        List<Alert> all = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            all.add(firing("c" + i, T0, "edge-3", "api"));
        }
        fixture.intake.accept(all);
        fixture.events.clear();
        List<List<Alert>> deliveries = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            deliveries.add(List.of(resolved("c" + i, T0, T0.plusSeconds(60), "edge-3", "api")));
        }

        race(deliveries);

        assertEquals(1, fixture.events.lines().size(), fixture.events.lines().toString());
        assertEquals("resolved", fixture.events.lines().get(0).split(" ")[0]);
        assertEquals(List.of(), fixture.store.open());
    }
}

package medic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** At most one mutating run per host, enforced by the database even under races; one subclass per vendor. */
abstract class MutatingLockContract extends StoreContract {

    private static final int CONTENDERS = 8;
    private static final int REPLICA_ROUNDS = 15;

    @Test
    void a_second_mutating_run_on_a_host_waits_until_the_first_finishes() {
        Run first = fixture.started("web-1", true);
        Run second = fixture.queue("web-1", true);

        RunStart busy = store.startRun(second.id(), "replica-a");

        assertEquals(new RunStart.HostBusy(second.id(), "web-1", first.id()), busy);
        assertEquals(RunStatus.QUEUED, store.run(second.id()).orElseThrow().status());
        assertEquals(first.id(), store.mutatingRunOn("web-1").orElseThrow().id());

        store.finishRun(first.id(), RunStatus.SUCCEEDED, null);

        assertInstanceOf(RunStart.Started.class, store.startRun(second.id(), "replica-a"));
        assertEquals(second.id(), store.mutatingRunOn("web-1").orElseThrow().id());
    }

    @Test
    void mutating_runs_on_different_hosts_run_at_the_same_time() {
        fixture.started("web-1", true);

        assertInstanceOf(RunStart.Started.class, store.startRun(fixture.queue("web-2", true).id(), "replica-a"));
    }

    @Test
    void read_only_runs_neither_take_nor_wait_for_the_lock() {
        Run mutating = fixture.started("web-1", true);

        assertInstanceOf(RunStart.Started.class, store.startRun(fixture.queue("web-1", false).id(), "replica-a"));
        assertInstanceOf(RunStart.Started.class, store.startRun(fixture.queue("web-1", false).id(), "replica-a"));
        assertEquals(mutating.id(), store.mutatingRunOn("web-1").orElseThrow().id());
    }

    @Test
    void a_failed_or_interrupted_run_frees_its_host() {
        Run failed = fixture.started("web-1", true);
        store.finishRun(failed.id(), RunStatus.FAILED, "nginx -t failed");
        Run interrupted = fixture.started("web-1", true);
        store.interruptAbandoned("crash", "run-");

        assertInstanceOf(RunStart.Started.class, store.startRun(fixture.queue("web-1", true).id(), "replica-a"));
        assertEquals(RunStatus.INTERRUPTED, store.run(interrupted.id()).orElseThrow().status());
    }

    @Test
    void resuming_an_interrupted_run_waits_when_another_run_took_its_host() {
        Run interrupted = fixture.started("web-1", true);
        store.interruptAbandoned("crash", "run-");
        Run newer = fixture.started("web-1", true);

        assertEquals(new RunStart.HostBusy(interrupted.id(), "web-1", newer.id()),
                store.resumeRun(interrupted.id(), "replica-b"));
        assertEquals(RunStatus.INTERRUPTED, store.run(interrupted.id()).orElseThrow().status());
    }

    @Test
    void exactly_one_of_many_threads_starts_a_mutating_run_on_a_host() throws Exception {
        List<Long> runIds = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            runIds.add(fixture.queue("web-1", true).id());
        }

        List<RunStart> outcomes = race(runIds.stream().map(id -> (Callable<RunStart>) () -> store.startRun(id,
                "thread-" + id)).toList());

        assertExactlyOneWinner(outcomes);
    }

    @Test
    void exactly_one_of_two_replicas_starts_a_mutating_run_on_a_host() throws Exception {
        try (Database replicaA = Database.open(fixture.testDatabase.settings());
                Database replicaB = Database.open(fixture.testDatabase.settings())) {
            RunStore storeA = new RunStore(replicaA);
            RunStore storeB = new RunStore(replicaB);
            for (int round = 0; round < REPLICA_ROUNDS; round++) {
                long runA = storeA.createRun(new NewRun("restart", "web-1", RunTrigger.alert("a" + round), true)).id();
                long runB = storeB.createRun(new NewRun("restart", "web-1", RunTrigger.alert("b" + round), true)).id();

                List<RunStart> outcomes = race(List.of(() -> storeA.startRun(runA, "replica-a"),
                        () -> storeB.startRun(runB, "replica-b")));

                long winner = assertExactlyOneWinner(outcomes);
                storeA.finishRun(winner, RunStatus.SUCCEEDED, null);
                storeB.finishRun(winner == runA ? runB : runA, RunStatus.FAILED, "host busy");
            }
        }
    }

    /** Starts every attempt at the same instant from its own thread; returns the outcomes in order. */
    private static List<RunStart> race(List<Callable<RunStart>> attempts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch ready = new CountDownLatch(attempts.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunStart>> futures = new ArrayList<>();
            for (Callable<RunStart> attempt : attempts) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt.call();
                }));
            }
            ready.await();
            go.countDown();
            List<RunStart> outcomes = new ArrayList<>();
            for (Future<RunStart> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private long assertExactlyOneWinner(List<RunStart> outcomes) {
        List<Long> winners = outcomes.stream().filter(RunStart.Started.class::isInstance)
                .map(outcome -> ((RunStart.Started) outcome).run().id()).toList();
        assertEquals(1, winners.size(), "winners among " + outcomes);
        long winner = winners.get(0);
        for (RunStart outcome : outcomes) {
            if (outcome instanceof RunStart.HostBusy busy) {
                assertEquals(winner, busy.heldByRunId(), "a loser names the winner as holder: " + outcome);
            }
        }
        assertEquals(winner, store.mutatingRunOn("web-1").orElseThrow().id());
        return winner;
    }
}

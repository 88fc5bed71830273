package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.schedule.Scheduler;
import medic.schedule.SchedulerSettings;
import medic.store.Database;
import medic.store.Run;
import medic.store.RunStatus;
import medic.store.RunStore;
import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered replicas on one PostgreSQL: a replica starting (and sweeping) while its peer runs a runbook leaves
 * that run alone; when the peer is killed mid-run, the survivor recovers the job and finishes the run.
 */
@RequiresPostgres
class ClusteredRunFailoverOnPostgresTest {
    private static final long CHECKIN_MILLIS = 1000;

    @TempDir
    Path dir;

    @Test
    void a_starting_replica_spares_its_peers_run_and_finishes_it_once_the_peer_is_killed() throws Exception {
        try (PostgresDatabase testDatabase = PostgresDatabase.freshSchema();
             Database database = Database.open(testDatabase.settings());
             SshPool pool = new SshPool(SshOptions.defaults());
             RunCrashScene scene = new RunCrashScene(dir)) {
            RunStore store = new RunStore(database);
            Process peer = scene.startChild(testDatabase.settings(), true, CHECKIN_MILLIS, true);
            awaitSleeping(scene, peer);

            RecordingObserver observer = new RecordingObserver(false);
            RunbookJobs jobs = RunCrashProbe.jobs(scene.directory(), store, pool).observedBy(observer);
            Scheduler survivor = Scheduler.start(database, SchedulerSettings.clustered(2)
                    .withClusterCheckinInterval(Duration.ofMillis(CHECKIN_MILLIS)), jobs.tasks());
            try {
                jobs.attach(survivor);
                Run running = store.runsFor("edge-local", 1).get(0);
                assertEquals(RunStatus.RUNNING, running.status());
                assertNotEquals(survivor.instanceId(), running.runner(), "the peer runs it");

                assertEquals(List.of(), jobs.sweepAbandoned(), "a live peer's run is not swept");
                assertEquals(running, store.run(running.id()).orElseThrow());

                RunCrashScene.kill(peer);
                assertEquals(List.of(), jobs.sweepAbandoned(), "a dead peer's run whose job awaits recovery is not swept");
                // Quartz presumes the peer dead after its check-in interval plus 7.5 s, then recovers the job.
                RecordingObserver.HeardEnd end = observer.awaitEnd(Duration.ofSeconds(45));

                Run done = store.run(running.id()).orElseThrow();
                assertEquals(RunStatus.SUCCEEDED, done.status(), done.failureReason());
                assertEquals(2, done.attempt());
                assertEquals(survivor.instanceId(), done.runner());
                assertEquals(done, end.run());
                assertEquals(List.of("1 before", "2 before", "2 slow", "2 after"), store.steps(running.id()).stream()
                        .map(step -> step.attempt() + " " + step.step().name()).toList());
                assertTrue(jobs.sweepAbandoned().isEmpty());
            } finally {
                survivor.shutdown(true);
            }
        }
    }

    private static void awaitSleeping(RunCrashScene scene, Process peer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(scene.sleeping())) {
            if (!peer.isAlive() || System.nanoTime() > deadline) {
                fail("the peer did not reach the sleeping step (alive: " + peer.isAlive() + "):\n" + scene.childOutput());
            }
            Thread.sleep(50);
        }
    }
}

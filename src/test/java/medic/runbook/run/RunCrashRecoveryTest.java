package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import medic.store.RecordedStep;
import medic.store.Run;
import medic.store.RunStatus;
import medic.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A medic process killed with SIGKILL in the middle of a runbook run, on the embedded H2 file database: the next
 * process on that database recovers the job and finishes the run under attempt 2, or fails it with the reason.
 */
class RunCrashRecoveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void a_run_cut_off_by_a_kill_is_resumed_under_attempt_2_when_medic_starts_again() throws Exception {
        try (RunCrashScene scene = new RunCrashScene(dir)) {
            crashMidRun(scene);

            try (Database database = Database.open(h2().settings()); SshPool pool = new SshPool(SshOptions.defaults())) {
                RunStore store = new RunStore(database);
                RecordingObserver observer = new RecordingObserver(false);
                RunbookJobs jobs = RunCrashProbe.jobs(scene.directory(), store, pool).observedBy(observer);
                Run cutOff = store.runsFor("edge-local", 1).get(0);
                assertEquals(RunStatus.RUNNING, cutOff.status(), "the kill left the run running");
                try (Scheduler scheduler = Scheduler.start(database, SchedulerSettings.single(2), jobs.tasks())) {
                    jobs.attach(scheduler);
                    RecordingObserver.HeardEnd end = observer.awaitEnd(PATIENCE);

                    Run done = store.run(cutOff.id()).orElseThrow();
                    assertEquals(RunStatus.SUCCEEDED, done.status(), done.failureReason());
                    assertEquals(2, done.attempt());
                    assertEquals(done, end.run(), "the observer hears the recovered run's end");
                    assertEquals(42, done.trigger().incidentId().orElseThrow());
                    List<RecordedStep> steps = store.steps(cutOff.id());
                    assertEquals(List.of("1 before", "2 before", "2 slow", "2 after"), steps.stream()
                            .map(step -> step.attempt() + " " + step.step().name()).toList(), steps.toString());
                    assertEquals("after\n", steps.get(3).step().stdout());
                    assertTrue(observer.steps.stream().allMatch(heard -> heard.attempt() == 2), observer.steps.toString());
                }
            }
        }
    }

    @Test
    void a_run_cut_off_by_a_kill_fails_with_the_reason_when_its_runbook_is_gone() throws Exception {
        try (RunCrashScene scene = new RunCrashScene(dir)) {
            crashMidRun(scene);
            Files.writeString(scene.directory().resolve("runbook.yaml"), Files.readString(scene.directory()
                    .resolve("runbook.yaml")).replace("name: slow-then-done", "name: renamed-since"));

            try (Database database = Database.open(h2().settings()); SshPool pool = new SshPool(SshOptions.defaults())) {
                RunStore store = new RunStore(database);
                RecordingObserver observer = new RecordingObserver(false);
                RunbookJobs jobs = RunCrashProbe.jobs(scene.directory(), store, pool).observedBy(observer);
                try (Scheduler scheduler = Scheduler.start(database, SchedulerSettings.single(2), jobs.tasks())) {
                    jobs.attach(scheduler);
                    RecordingObserver.HeardEnd end = observer.awaitEnd(PATIENCE);

                    Run failed = store.run(end.run().id()).orElseThrow();
                    assertEquals(RunStatus.FAILED, failed.status());
                    assertEquals("medic stopped while running attempt 1 of this run (instance single); cannot resume:"
                            + " runbook slow-then-done is no longer loaded", failed.failureReason());
                    assertEquals(List.of("1 before"), store.steps(failed.id()).stream()
                            .map(step -> step.attempt() + " " + step.step().name()).toList());
                }
            }
        }
    }

    private medic.testing.TestDatabase h2() {
        return medic.testing.TestDatabase.h2In(dir.resolve("db"));
    }

    /** Runs a child medic until the run sleeps in its middle step, then kills it (the H2 file is the child's meanwhile). */
    private void crashMidRun(RunCrashScene scene) throws Exception {
        Process child = scene.startChild(h2().settings(), false, 7000, true);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(scene.sleeping())) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("the child medic did not reach the sleeping step (alive: " + child.isAlive() + "):\n"
                        + scene.childOutput());
            }
            Thread.sleep(50);
        }
        RunCrashScene.kill(child);
    }
}

package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.RunbookCatalog;
import medic.schedule.Scheduler;
import medic.schedule.SchedulerSettings;
import medic.store.Database;
import medic.store.RecordedStep;
import medic.store.Run;
import medic.store.RunStatus;
import medic.store.RunStore;
import medic.store.RunTrigger;
import medic.testing.Ports;
import medic.testing.RequiresProgram;
import medic.testing.TestDatabase;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbook runs as scheduled jobs on the embedded database: persisted steps, retries for transient failures. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class RunbookJobsTest {
    private static final Path SEED = Path.of("src/test/resources/fixtures/seed-incident");
    private static final RunbookCatalog RUNBOOKS =
            RunbookCatalog.load(List.of(Path.of("src/test/resources/runbooks/run/diagnose-last-lines.yaml")));

    @TempDir
    Path dir;

    private Inventory inventory() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        String config = Files.readString(SEED.resolve("nginx.conf"))
                .replace("pid logs/nginx.pid;", "pid " + dir.resolve("logs/nginx.pid") + ";")
                .replace("error_log logs/error.log;", "error_log " + dir.resolve("logs/error.log") + ";")
                .replace("access_log logs/access.log;", "access_log " + dir.resolve("logs/access.log") + ";");
        Files.writeString(dir.resolve("nginx.conf"), config);
        Files.copy(SEED.resolve("error.log"), dir.resolve("logs/error.log"));
        Files.writeString(dir.resolve("known_hosts"), "");
        String nginx = "    nginx:\n      binary: /usr/sbin/nginx\n      config: " + dir.resolve("nginx.conf")
                + "\n      error_logs: [" + dir.resolve("logs/error.log") + "]\n";
        return InventoryLoader.parse("hosts:\n"
                + "  - name: edge-local\n    transport: local\n" + nginx
                + "  - name: edge-gone\n    address: 127.0.0.1\n    port: " + Ports.freePort() + "\n    user: medic\n"
                + "    key: {file: " + TestResources.path("ssh/user_ed25519") + "}\n"
                + "    known_hosts: " + dir.resolve("known_hosts") + "\n" + nginx, "inventory.yaml", dir);
    }

    private static Run awaitFinished(RunStore store, long runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            Run run = store.run(runId).orElseThrow();
            if (run.status().isFinished()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish: " + store.run(runId).orElseThrow());
    }

    /** The embedded database, an SSH pool, the store and the jobs on them, heard by a recording observer. */
    private final class JobsOnH2 implements AutoCloseable {
        final TestDatabase db;
        final Database database;
        final SshPool pool;
        final RunStore store;
        final RecordingObserver observer;
        final RunbookJobs jobs;

        JobsOnH2(SshOptions ssh, Duration backoff, boolean observerThrows) throws IOException {
            Inventory inventory = inventory();
            db = TestDatabase.h2In(dir.resolve("db"));
            database = Database.open(db.settings());
            pool = new SshPool(ssh);
            store = new RunStore(database);
            observer = new RecordingObserver(observerThrows);
            jobs = new RunbookJobs(store, inventory, RUNBOOKS, new HostConnections(pool), BackendFacts.NONE, backoff,
                    Clock.systemUTC()).observedBy(observer);
        }

        /** Starts the scheduler that runs the jobs; the caller closes it before this rig. */
        Scheduler startScheduler() {
            Scheduler scheduler = Scheduler.start(database, SchedulerSettings.single(2), jobs.tasks());
            jobs.attach(scheduler);
            return scheduler;
        }

        @Override
        public void close() {
            try (TestDatabase third = db; Database second = database; SshPool first = pool) {
                // closed in reverse order, as the tests' try-with-resources did
            }
        }
    }

    @Test
    void a_submitted_run_is_executed_by_the_scheduler_and_every_step_is_stored() throws Exception {
        try (JobsOnH2 rig = new JobsOnH2(SshOptions.defaults(), Duration.ofMillis(200), false)) {
            try (Scheduler scheduler = rig.startScheduler()) {
                Run submitted = rig.jobs.submit("diagnose-last-lines", "edge-local", RunTrigger.incident(42));
                RecordingObserver.HeardEnd end = rig.observer.awaitEnd(Duration.ofSeconds(40));
                Run done = rig.store.run(submitted.id()).orElseThrow();
                assertEquals(RunStatus.SUCCEEDED, done.status(), String.valueOf(done.failureReason()));
                List<RecordedStep> steps = rig.store.steps(submitted.id());
                assertEquals(7, steps.size(), steps.toString());
                assertTrue(steps.get(4).toString().contains("WS01"), "the diagnose step's summary is stored");

                assertEquals(done, end.run(), "the observer hears the run as stored");
                assertEquals(42, end.run().trigger().incidentId().orElseThrow());
                assertEquals(RunResult.Outcome.AWAITING_APPROVAL, end.result().outcome());
                assertTrue(end.result().diagnosis().findings().stream().anyMatch(f -> f.rule().equals("WS01")));
                assertEquals(steps.stream().map(step -> step.step().name()).toList(),
                        rig.observer.steps.stream().map(heard -> heard.step().stepId()).toList(),
                        "the observer hears each stored step, in order");
                assertTrue(rig.observer.steps.stream().allMatch(heard -> heard.attempt() == 1));
                assertEquals(1, rig.observer.ends.size());
            }
        }
    }

    @Test
    void an_unreachable_host_is_retried_with_backoff_then_failed_with_the_reason() throws Exception {
        SshOptions quickToGiveUp = SshOptions.defaults().withConnectTimeout(Duration.ofSeconds(2));
        try (JobsOnH2 rig = new JobsOnH2(quickToGiveUp, Duration.ofMillis(100), false)) {
            try (Scheduler scheduler = rig.startScheduler()) {
                Run submitted = rig.jobs.submit("diagnose-last-lines", "edge-gone", RunTrigger.alert("4f6c9e1b2a7d3c80"));
                RecordingObserver.HeardEnd end = rig.observer.awaitEnd(Duration.ofSeconds(40));
                Run done = rig.store.run(submitted.id()).orElseThrow();
                assertEquals(RunStatus.FAILED, done.status());
                assertEquals(RunbookJobs.MAX_ATTEMPTS, done.attempt(), "each transient failure is tried again");
                assertTrue(done.failureReason().contains("edge-gone"), done.failureReason());
                assertTrue(done.failureReason().contains("gave up after 3 attempts"), done.failureReason());

                assertEquals(List.of(1, 2, 3), rig.observer.steps.stream().map(RecordingObserver.HeardStep::attempt).toList(),
                        "every attempt's failed step is heard, with its attempt");
                assertEquals(List.of(done), rig.observer.ends.stream().map(RecordingObserver.HeardEnd::run).toList(),
                        "retries are not ends: one end, after the last attempt");
                assertEquals(RunResult.Outcome.FAILED, end.result().outcome());
            }
        }
    }

    @Test
    void an_observer_that_throws_changes_nothing_about_the_run() throws Exception {
        try (JobsOnH2 rig = new JobsOnH2(SshOptions.defaults(), Duration.ofMillis(200), true)) {
            try (Scheduler scheduler = rig.startScheduler()) {
                Run submitted = rig.jobs.submit("diagnose-last-lines", "edge-local", RunTrigger.manual("U024BE7LH"));
                rig.observer.awaitEnd(Duration.ofSeconds(40));
                assertEquals(RunStatus.SUCCEEDED, rig.store.run(submitted.id()).orElseThrow().status());
                assertEquals(7, rig.store.steps(submitted.id()).size());
                assertEquals(7, rig.observer.steps.size());
            }
        }
    }

    @Test
    void the_sweep_ends_a_run_whose_job_is_gone_and_tells_the_observer() throws Exception {
        try (JobsOnH2 rig = new JobsOnH2(SshOptions.defaults(), Duration.ofMillis(200), false)) {
            Run orphan = rig.store.createRun(new medic.store.NewRun("diagnose-last-lines", "edge-local",
                    RunTrigger.incident(7), false));
            rig.store.startRun(orphan.id(), "single");
            try (Scheduler scheduler = rig.startScheduler()) {
                Run live = rig.jobs.submit("diagnose-last-lines", "edge-local", RunTrigger.manual("U024BE7LH"));

                List<Run> swept = rig.jobs.sweepAbandoned();

                assertEquals(List.of(orphan.id()), swept.stream().map(Run::id).toList(),
                        "the submitted run has its job; the orphan has none");
                assertEquals(RunStatus.INTERRUPTED, rig.store.run(orphan.id()).orElseThrow().status());
                RecordingObserver.HeardEnd end = rig.observer.awaitEnd(Duration.ofSeconds(5));
                assertEquals(orphan.id(), end.run().id());
                assertEquals(7, end.run().trigger().incidentId().orElseThrow());
                assertEquals(RunStatus.SUCCEEDED, awaitFinished(rig.store, live.id()).status());
            }
        }
    }
}

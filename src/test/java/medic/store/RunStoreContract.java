package medic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The life of a run and its steps in the store; run by one subclass per vendor. */
abstract class RunStoreContract extends StoreContract {

    @Test
    void creates_a_queued_run_that_reads_back_equal() {
        Run created = store.createRun(new NewRun("nginx-upstream-reset", "web-1",
                RunTrigger.alert("5f1c0a9e2b7d4e11"), true));

        assertEquals(RunStatus.QUEUED, created.status());
        assertEquals(0, created.attempt());
        assertEquals(StoreFixture.START, created.createdAt());
        assertEquals(created, store.run(created.id()).orElseThrow());
    }

    @Test
    void runs_from_queued_to_succeeded_with_its_times() {
        Run queued = fixture.queue("web-1", false);
        fixture.clock.advance(Duration.ofSeconds(2));

        Run running = ((RunStart.Started) store.startRun(queued.id(), "replica-a")).run();
        fixture.clock.advance(Duration.ofSeconds(3));
        Run finished = store.finishRun(queued.id(), RunStatus.SUCCEEDED, null);

        assertEquals(RunStatus.RUNNING, running.status());
        assertEquals(1, running.attempt());
        assertEquals("replica-a", running.runner());
        assertEquals(StoreFixture.START.plusSeconds(2), running.startedAt());
        assertEquals(RunStatus.SUCCEEDED, finished.status());
        assertEquals(StoreFixture.START.plusSeconds(5), finished.finishedAt());
        assertNull(finished.failureReason());
    }

    @Test
    void keeps_the_reason_of_a_failed_run() {
        Run run = fixture.started("web-1", true);

        Run failed = store.finishRun(run.id(), RunStatus.FAILED, "web-1: nginx -t: exit 1");

        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("web-1: nginx -t: exit 1", store.run(run.id()).orElseThrow().failureReason());
    }

    @Test
    void records_steps_with_exit_codes_output_and_timings_in_order() {
        Run run = fixture.started("web-1", false);
        String bigOutput = "upstream prematurely closed connection ✓\n".repeat(50_000);
        StepResult version = fixture.step(0, StepStatus.SUCCEEDED, 0, "nginx version: nginx/1.22.1");
        StepResult dump = fixture.step(1, StepStatus.SUCCEEDED, 0, bigOutput);
        StepResult diagnosis = fixture.step(2, StepStatus.FAILED, null, "");

        store.recordStep(run.id(), dump);
        store.recordStep(run.id(), version);
        store.recordStep(run.id(), diagnosis);

        List<RecordedStep> steps = store.steps(run.id());
        assertEquals(List.of(version, dump, diagnosis), steps.stream().map(RecordedStep::step).toList());
        assertTrue(steps.stream().allMatch(step -> step.attempt() == 1 && step.runId() == run.id()));
    }

    @Test
    void refuses_a_second_step_with_the_same_index_in_one_attempt() {
        Run run = fixture.started("web-1", false);
        store.recordStep(run.id(), fixture.step(0, StepStatus.SUCCEEDED, 0, "first"));

        RunStateException refused = assertThrows(RunStateException.class,
                () -> store.recordStep(run.id(), fixture.step(0, StepStatus.SUCCEEDED, 0, "again")));

        assertTrue(refused.getMessage().contains("already has a step 0"), refused.getMessage());
    }

    @Test
    void refuses_steps_for_a_run_that_is_not_running() {
        Run queued = fixture.queue("web-1", false);

        RunStateException refused = assertThrows(RunStateException.class,
                () -> store.recordStep(queued.id(), fixture.step(0, StepStatus.SUCCEEDED, 0, "")));

        assertEquals("cannot record step 0 (step 0) of run " + queued.id() + ": the run is QUEUED, not RUNNING",
                refused.getMessage());
    }

    @Test
    void refuses_to_start_or_finish_a_run_that_already_finished() {
        Run run = fixture.started("web-1", false);
        store.finishRun(run.id(), RunStatus.SUCCEEDED, null);

        RunStateException start = assertThrows(RunStateException.class, () -> store.startRun(run.id(), "replica-a"));
        RunStateException finish = assertThrows(RunStateException.class,
                () -> store.finishRun(run.id(), RunStatus.FAILED, "late"));

        assertEquals("cannot start run " + run.id() + " of nginx-upstream-reset on web-1: it is SUCCEEDED, not QUEUED",
                start.getMessage());
        assertEquals("cannot finish run " + run.id() + " as FAILED: it is already SUCCEEDED", finish.getMessage());
    }

    @Test
    void refuses_an_unknown_run() {
        assertTrue(store.run(424242).isEmpty());
        assertEquals("there is no run 424242",
                assertThrows(RunStateException.class, () -> store.startRun(424242, "replica-a")).getMessage());
    }

    @Test
    void interrupts_a_running_run_no_job_will_continue_and_leaves_the_others_alone() {
        Run abandoned = fixture.started("web-1", true);
        Run queued = fixture.queue("web-2", false);
        Run done = fixture.started("web-3", false);
        store.finishRun(done.id(), RunStatus.SUCCEEDED, null);
        fixture.clock.advance(Duration.ofMinutes(1));

        List<Run> marked = store.interruptAbandoned("nobody runs it", "run-");

        assertEquals(List.of(abandoned.id()), marked.stream().map(Run::id).toList());
        Run interrupted = store.run(abandoned.id()).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, interrupted.status());
        assertEquals("nobody runs it", interrupted.failureReason());
        assertEquals(StoreFixture.START.plus(Duration.ofMinutes(1)), interrupted.finishedAt());
        assertEquals(RunStatus.QUEUED, store.run(queued.id()).orElseThrow().status(), "a fresh queued run waits");
        assertEquals(RunStatus.SUCCEEDED, store.run(done.id()).orElseThrow().status());
        assertTrue(store.interruptAbandoned("again", "run-").isEmpty());
        assertTrue(store.mutatingRunOn("web-1").isEmpty(), "the host's lock is free again");
    }

    @Test
    void spares_a_run_whose_job_is_still_stored_for_running_or_recovery() {
        Run running = fixture.started("web-1", true);
        Run neighbour = fixture.started("web-2", false);
        QuartzRows quartz = new QuartzRows(fixture.database);
        quartz.job("run-" + running.id() + "-retry-2");
        quartz.job("run-" + neighbour.id() + "0-start");

        List<Run> marked = store.interruptAbandoned("nobody runs it", "run-");

        assertEquals(List.of(neighbour.id()), marked.stream().map(Run::id).toList(),
                "only the run's own jobs count, not those of run " + neighbour.id() + "0");
        assertEquals(RunStatus.RUNNING, store.run(running.id()).orElseThrow().status());
    }

    @Test
    void spares_a_run_whose_runner_checked_in_lately_but_not_one_of_a_dead_instance() {
        Run live = ((RunStart.Started) store.startRun(fixture.queue("web-1", false).id(), "replica-live")).run();
        Run dead = ((RunStart.Started) store.startRun(fixture.queue("web-2", false).id(), "replica-dead")).run();
        long now = fixture.clock.millis();
        QuartzRows quartz = new QuartzRows(fixture.database);
        quartz.checkIn("replica-live", now - 5_000, 2_000);
        quartz.checkIn("replica-dead", now - 10_000, 2_000);

        List<Run> marked = store.interruptAbandoned("its replica died", "run-");

        assertEquals(List.of(dead.id()), marked.stream().map(Run::id).toList());
        assertEquals(RunStatus.RUNNING, store.run(live.id()).orElseThrow().status());
    }

    @Test
    void interrupts_a_queued_run_left_without_a_job_past_the_grace() {
        Run queued = fixture.queue("web-1", false);
        fixture.clock.advance(RunStore.UNSCHEDULED_GRACE.plusSeconds(1));

        assertEquals(List.of(queued.id()), store.interruptAbandoned("never scheduled", "run-").stream()
                .map(Run::id).toList());
    }

    @Test
    void refuses_a_job_name_prefix_that_would_match_like_a_pattern() {
        assertThrows(IllegalArgumentException.class, () -> store.interruptAbandoned("reason", "run_%"));
    }

    @Test
    void finds_a_run_a_crash_cut_off_when_the_database_opens_again() {
        Run running = fixture.started("web-1", true);
        fixture.database.close();

        try (Database reopened = Database.open(fixture.testDatabase.settings())) {
            RunStore afterRestart = new RunStore(reopened);
            List<Run> marked = afterRestart.interruptAbandoned("interrupted by a restart", "run-");

            assertEquals(List.of(running.id()), marked.stream().map(Run::id).toList());
            assertEquals(RunStatus.INTERRUPTED, marked.get(0).status());
        }
    }

    @Test
    void resumes_an_interrupted_run_under_its_next_attempt() {
        Run run = fixture.started("web-1", true);
        store.recordStep(run.id(), fixture.step(0, StepStatus.SUCCEEDED, 0, "before the crash"));
        store.interruptAbandoned("crash", "run-");

        Run resumed = ((RunStart.Started) store.resumeRun(run.id(), "replica-b")).run();
        store.recordStep(run.id(), fixture.step(0, StepStatus.SUCCEEDED, 0, "after the crash"));

        assertEquals(RunStatus.RUNNING, resumed.status());
        assertEquals(2, resumed.attempt());
        assertEquals("replica-b", resumed.runner());
        assertNull(resumed.failureReason());
        assertEquals(List.of(1, 2), store.steps(run.id()).stream().map(RecordedStep::attempt).toList());
    }

    @Test
    void keeps_the_incident_a_run_belongs_to() {
        Run run = store.createRun(new NewRun("nginx-upstream-reset", "web-1", RunTrigger.incident(42), false));

        Run read = store.run(run.id()).orElseThrow();
        assertEquals(RunTrigger.incident(42), read.trigger());
        assertEquals(42, read.trigger().incidentId().orElseThrow());
        assertTrue(RunTrigger.alert("fp").incidentId().isEmpty());
    }

    @Test
    void lists_the_runs_on_a_host_newest_first() {
        Run first = fixture.queue("web-1", false);
        fixture.queue("web-2", false);
        Run second = fixture.queue("web-1", true);
        Run third = fixture.queue("web-1", false);

        assertEquals(List.of(third.id(), second.id()), store.runsFor("web-1", 2).stream().map(Run::id).toList());
        assertEquals(List.of(third.id(), second.id(), first.id()),
                store.runsFor("web-1", 10).stream().map(Run::id).toList());
        assertTrue(store.runsFor("web-9", 10).isEmpty());
    }

    @Test
    void keeps_hostile_text_as_plain_data() {
        String host = "web-1'; DROP TABLE runs; --";
        Run run = store.createRun(new NewRun("r", host, RunTrigger.manual("$(touch /tmp/x) `id`\nnext"), false));

        assertEquals(host, store.run(run.id()).orElseThrow().host());
        assertEquals("$(touch /tmp/x) `id`\nnext", store.runsFor(host, 1).get(0).trigger().reference());
    }

    @Test
    void finishes_only_as_succeeded_or_failed_with_a_reason() {
        Run run = fixture.started("web-1", false);

        assertThrows(IllegalArgumentException.class, () -> store.finishRun(run.id(), RunStatus.INTERRUPTED, "x"));
        assertThrows(IllegalArgumentException.class, () -> store.finishRun(run.id(), RunStatus.FAILED, " "));
        assertEquals(RunStatus.RUNNING, store.run(run.id()).orElseThrow().status());
    }
}

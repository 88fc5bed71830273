package medic.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import medic.testing.Await;

/** Quartz on medic's database: jobs run, survive restarts, and recover from a killed process; one subclass per vendor. */
abstract class SchedulerContract {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path markers;

    TestDatabase testDatabase;
    Database database;
    private final RecordingTask recording = new RecordingTask();
    private Scheduler scheduler;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void openDatabase() {
        testDatabase = newTestDatabase();
        database = Database.open(testDatabase.settings());
    }

    @AfterEach
    void closeEverything() {
        if (scheduler != null) {
            // Waiting lets Quartz's threads finish their queries before the pool closes under them.
            scheduler.shutdown(true);
        }
        database.close();
        testDatabase.close();
    }

    @Test
    void runs_a_one_shot_job_with_its_data() throws InterruptedException {
        scheduler = start(recording);

        scheduler.scheduleOnce("run-42", RecordingTask.NAME, Map.of("run", "42", "host", "web-1"), Instant.now());

        TaskRun run = recording.next(PATIENCE);
        assertNotNull(run, "the job did not run");
        assertEquals(new TaskRun("run-42", Map.of("run", "42", "host", "web-1"), false, "single"), run);
        Await.until(PATIENCE, () -> !scheduler.isScheduled("run-42"), () -> "a finished one-shot job is removed");
    }

    @Test
    void runs_a_job_scheduled_before_a_restart_after_the_restart() throws InterruptedException {
        scheduler = start(recording);
        Instant due = Instant.now().plusMillis(800);
        scheduler.scheduleOnce("run-7", RecordingTask.NAME, Map.of("run", "7"), due);
        scheduler.shutdown(true);
        scheduler = null;
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 300);
        assertTrue(recording.drain().isEmpty(), "the job ran before the restart");

        RecordingTask afterRestart = new RecordingTask();
        scheduler = start(afterRestart);

        TaskRun run = afterRestart.next(PATIENCE);
        assertNotNull(run, "the job scheduled before the restart did not run after it");
        assertEquals(Map.of("run", "7"), run.data());
    }

    @Test
    void repeats_a_repeating_job_until_it_is_unscheduled() throws InterruptedException {
        scheduler = start(recording);

        scheduler.scheduleRepeating("watch-web-1", RecordingTask.NAME, Map.of("host", "web-1"), Duration.ofMillis(200));
        for (int firing = 1; firing <= 3; firing++) {
            assertNotNull(recording.next(PATIENCE), "firing " + firing + " did not come");
        }
        assertTrue(scheduler.unschedule("watch-web-1"));
        Thread.sleep(300);
        recording.drain();
        Thread.sleep(800);

        assertEquals(List.of(), recording.drain());
        assertFalse(scheduler.isScheduled("watch-web-1"));
        assertFalse(scheduler.unschedule("watch-web-1"));
    }

    @Test
    void scheduling_a_repeating_job_again_replaces_it() throws InterruptedException {
        scheduler = start(recording);

        scheduler.scheduleRepeating("watch-web-1", RecordingTask.NAME, Map.of("round", "1"), Duration.ofHours(1));
        scheduler.scheduleRepeating("watch-web-1", RecordingTask.NAME, Map.of("round", "2"), Duration.ofHours(1));

        // Round 1 may fire once before its replacement; after that only round 2's job exists.
        List<String> rounds = new ArrayList<>();
        while (!rounds.contains("2")) {
            TaskRun run = recording.next(PATIENCE);
            assertNotNull(run, "the replacing job did not fire; fired so far: " + rounds);
            rounds.add(run.data().get("round"));
        }
        assertNull(recording.next(Duration.ofMillis(500)));
        assertTrue(rounds.equals(List.of("2")) || rounds.equals(List.of("1", "2")), rounds.toString());
        assertTrue(scheduler.isScheduled("watch-web-1"));
    }

    @Test
    void refuses_a_second_one_shot_job_of_the_same_name() {
        scheduler = start(recording);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        scheduler.scheduleOnce("run-1", RecordingTask.NAME, Map.of(), later);

        ScheduleException refused = assertThrows(ScheduleException.class,
                () -> scheduler.scheduleOnce("run-1", RecordingTask.NAME, Map.of(), later));

        assertEquals("job run-1 is already scheduled", refused.getMessage());
    }

    @Test
    void keeps_running_jobs_after_one_names_a_task_it_does_not_know() throws InterruptedException {
        scheduler = start(recording);

        scheduler.scheduleOnce("orphan", "a-task-removed-in-an-upgrade", Map.of(), Instant.now());
        scheduler.scheduleOnce("next", RecordingTask.NAME, Map.of(), Instant.now().plusMillis(200));

        assertEquals("next", recording.next(PATIENCE).jobName());
        assertNull(recording.next(Duration.ofMillis(300)));
    }

    @Test
    void refuses_a_second_scheduler_of_the_same_name_in_one_process() {
        scheduler = start(recording);

        ScheduleException refused = assertThrows(ScheduleException.class, () -> start(new RecordingTask()));

        assertTrue(refused.getMessage().startsWith("a scheduler named medic already runs in this process"));
    }

    @Test
    void recovers_a_job_whose_process_was_killed_when_the_scheduler_starts_again() throws Exception {
        database.close(); // an H2 file admits one process at a time: the child's, then ours again
        try (ChildJvm child = ChildJvm.startCrashProbe(testDatabase.settings(), markers, "crash-probe", false, 7000)) {
            Await.until(Duration.ofSeconds(30), () -> MarkerTask.lines(markers, "crash-probe").size() == 1 || !child.isAlive(),
                    () -> "the child JVM starts the blocking job; its output:\n" + child.output());
            assertTrue(child.isAlive(), "the child JVM died on its own:\n" + child.output());
            child.kill();
        }

        database = Database.open(testDatabase.settings());
        scheduler = Scheduler.start(database, SchedulerSettings.single(2),
                Map.of(MarkerTask.NAME, new MarkerTask(markers, false)));

        Await.until(PATIENCE, () -> MarkerTask.lines(markers, "crash-probe").size() == 2,
                () -> "the restarted scheduler re-runs the job; log so far: " + MarkerTask.lines(markers, "crash-probe"));
        assertEquals(List.of("recovering=false instance=single data=from the child",
                "recovering=true instance=single data=from the child"), MarkerTask.lines(markers, "crash-probe"));
        Await.until(PATIENCE, () -> !scheduler.isScheduled("crash-probe"), () -> "the recovered job completes");
    }

    Scheduler start(Task task) {
        return Scheduler.start(database, SchedulerSettings.single(2), Map.of(RecordingTask.NAME, task));
    }
}

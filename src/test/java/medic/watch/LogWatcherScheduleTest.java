package medic.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.log.FailureClass;
import medic.remote.LocalHost;
import medic.schedule.Scheduler;
import medic.schedule.SchedulerSettings;
import medic.store.Database;
import medic.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher as a repeating Quartz job per host on the JDBC job store, opening an incident on its own. */
class LogWatcherScheduleTest {
    @TempDir
    Path dir;

    @Test
    void a_repeating_job_per_host_counts_appended_failures_and_opens_an_incident() throws InterruptedException {
        Path log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.NOTICE);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FailureCounter counter = new FailureCounter(registry);
        RecordingOpener opener = new RecordingOpener();
        Inventory inventory = InventoryLoader.parse("hosts:\n  - name: edge-local\n    transport: local\n"
                + "    nginx:\n      error_logs: [" + log + "]\n", "inventory.yaml", dir);
        try (Database database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")))) {
            LogWatcher watcher = new LogWatcher(inventory, entry -> new LocalHost(entry.name()),
                    new CursorStore(database, Clock.systemUTC()), new LogFollower(), counter,
                    new StormDetector(new WatchPolicy(3, Duration.ofMinutes(5), Duration.ofHours(1), "r"), opener,
                            new StormLedger(database), Clock.systemUTC()));
            try (Scheduler scheduler = Scheduler.start(database, SchedulerSettings.single(2),
                    Map.of(LogWatcher.TASK, watcher.task()))) {
                watcher.schedule(scheduler, Duration.ofMillis(200));
                assertTrue(scheduler.isScheduled("watch-edge-local"));
                CursorStore cursors = new CursorStore(database, Clock.systemUTC());
                awaitTrue(() -> cursors.find("edge-local", log.toString()).isPresent(), "the first firing");
                SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.RESET_HEADER_8080,
                        SeedLines.TIMED_OUT_8080, SeedLines.NOTICE);
                awaitTrue(() -> opener.opened.size() == 1, "the incident");
                Thread.sleep(600);
            }
        }
        assertEquals(2, counter.counter("edge-local", "127.0.0.1:8080", FailureClass.RESET_READING_HEADER).count());
        assertEquals(1, counter.counter("edge-local", "127.0.0.1:8080", FailureClass.TIMED_OUT).count());
        assertEquals(1, opener.opened.size());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}

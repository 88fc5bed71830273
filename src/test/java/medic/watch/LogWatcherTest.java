package medic.watch;

import medic.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.log.FailureClass;
import medic.remote.LocalHost;
import medic.store.Database;
import medic.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole watcher on a local host: a real log file, an H2 file database and a Prometheus registry. */
class LogWatcherTest {
    private static final String HOST = "edge-local";

    @TempDir
    Path dir;

    private Path log;
    private Database database;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T23:00:00Z"));
    private final RecordingOpener opener = new RecordingOpener();
    private final WatchPolicy policy = new WatchPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10),
            "nginx-upstream-reset");

    @BeforeEach
    void openDatabase() throws IOException {
        log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.LINES.subList(0, 10).toArray(String[]::new));
        database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private LogWatcher watcher(Database db) {
        Inventory inventory = InventoryLoader.parse("hosts:\n  - name: " + HOST + "\n    transport: local\n"
                + "    nginx:\n      error_logs: [" + log + "]\n", "inventory.yaml", dir);
        return new LogWatcher(inventory, entry -> new LocalHost(entry.name()), new CursorStore(db, clock),
                new LogFollower(), new FailureCounter(registry), new StormDetector(policy, opener, new StormLedger(db), clock));
    }

    private double count(String upstream, FailureClass failureClass) {
        return new FailureCounter(registry).counter(HOST, upstream, failureClass).count();
    }

    @Test
    void counts_grow_by_exactly_the_appended_failures_by_class_and_upstream() {
        LogWatcher watcher = watcher(database);
        assertEquals(0, watcher.poll(HOST), "what the log held before watching is not counted");
        SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.NOTICE, SeedLines.RESET_HEADER_8080,
                SeedLines.TIMED_OUT_8080, SeedLines.NO_LIVE_UPSTREAMS);
        assertEquals(4, watcher.poll(HOST));
        assertEquals(2, count("127.0.0.1:8080", FailureClass.RESET_READING_HEADER));
        assertEquals(1, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
        assertEquals(1, count("ws_upstream", FailureClass.NO_LIVE_UPSTREAMS));
        assertEquals(0, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
        assertEquals(0, watcher.poll(HOST), "nothing new, nothing counted");
        SeedLines.append(log, SeedLines.RESET_HEADER_8081);
        assertEquals(1, watcher.poll(HOST));
        assertEquals(1, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
        assertEquals(2, count("127.0.0.1:8080", FailureClass.RESET_READING_HEADER));
    }

    @Test
    void a_partial_line_is_counted_once_when_completed() {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        String line = SeedLines.RESET_HEADER_8080;
        SeedLines.write(log, line.substring(0, 100));
        assertEquals(0, watcher.poll(HOST));
        SeedLines.write(log, line.substring(100) + "\n");
        assertEquals(1, watcher.poll(HOST));
        assertEquals(0, watcher.poll(HOST));
        assertEquals(1, count("127.0.0.1:8080", FailureClass.RESET_READING_HEADER));
    }

    @Test
    void rotation_restarts_at_zero_of_the_new_file_without_double_counting() throws IOException {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.TIMED_OUT_8080);
        assertEquals(1, watcher.poll(HOST));
        Files.move(log, dir.resolve("error.log.1"));
        SeedLines.append(log, SeedLines.TIMED_OUT_8080, SeedLines.NOTICE);
        assertEquals(1, watcher.poll(HOST));
        assertEquals(0, watcher.poll(HOST));
        assertEquals(2, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
    }

    @Test
    void lines_written_just_before_a_rotation_are_counted_from_the_rotated_file() throws IOException {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.TIMED_OUT_8080);
        assertEquals(1, watcher.poll(HOST));
        SeedLines.append(log, SeedLines.RESET_HEADER_8081, SeedLines.RESET_HEADER_8081);
        Files.move(log, dir.resolve("error.log.1"));
        SeedLines.append(log, SeedLines.TIMED_OUT_8080);
        assertEquals(3, watcher.poll(HOST), "two from the rotated file's tail, one from the new file");
        assertEquals(0, watcher.poll(HOST));
        assertEquals(2, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
        assertEquals(2, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
    }

    @Test
    void a_rotated_file_that_is_gone_or_another_file_is_not_read() throws IOException {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.RESET_HEADER_8081);
        Files.move(log, dir.resolve("error.log.0"));
        SeedLines.append(dir.resolve("error.log.1"), SeedLines.LINES.toArray(String[]::new));
        SeedLines.append(log, SeedLines.TIMED_OUT_8080);
        assertEquals(1, watcher.poll(HOST), "error.log.1 is an older file (another inode): not re-counted");
        assertEquals(0, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
    }

    @Test
    void truncation_restarts_at_zero_without_double_counting() throws IOException {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.TIMED_OUT_8080, SeedLines.TIMED_OUT_8080);
        assertEquals(2, watcher.poll(HOST));
        Files.write(log, new byte[0]);
        SeedLines.append(log, SeedLines.RESET_HEADER_8081);
        assertEquals(1, watcher.poll(HOST));
        assertEquals(0, watcher.poll(HOST));
        assertEquals(2, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
        assertEquals(1, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
    }

    @Test
    void the_prometheus_scrape_shows_the_counters_with_host_upstream_and_class() {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.RESET_HEADER_8080, SeedLines.NO_LIVE_UPSTREAMS);
        watcher.poll(HOST);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("# TYPE medic_nginx_upstream_failures_total counter"), scrape);
        assertTrue(scrape.contains("medic_nginx_upstream_failures_total{class=\"reset_reading_header\","
                + "host=\"edge-local\",upstream=\"127.0.0.1:8080\"} 2.0"), scrape);
        assertTrue(scrape.contains("medic_nginx_upstream_failures_total{class=\"no_live_upstreams\","
                + "host=\"edge-local\",upstream=\"ws_upstream\"} 1.0"), scrape);
    }

    @Test
    void crossing_the_threshold_opens_one_incident_per_cooldown() {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.RESET_HEADER_8080, SeedLines.RESET_HEADER_8081);
        watcher.poll(HOST);
        assertEquals(0, opener.opened.size(), "3 failures are below the threshold of 5");
        clock.advance(Duration.ofSeconds(20));
        SeedLines.append(log, SeedLines.TIMED_OUT_8080, SeedLines.NO_LIVE_UPSTREAMS);
        watcher.poll(HOST);
        assertEquals(1, opener.opened.size());
        assertEquals(new RecordingOpener.Opened(HOST, "5 upstream failures in PT1M on edge-local"),
                opener.opened.get(0));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            SeedLines.append(log, SeedLines.LINES.subList(0, 6).toArray(String[]::new));
            watcher.poll(HOST);
        }
        assertEquals(1, opener.opened.size(), "the storm goes on within the cooldown: still one incident");
        clock.advance(Duration.ofMinutes(8));
        SeedLines.append(log, SeedLines.LINES.subList(0, 6).toArray(String[]::new));
        watcher.poll(HOST);
        assertEquals(2, opener.opened.size(), "after the cooldown the ongoing storm opens the next incident");
    }

    @Test
    void failures_spread_wider_than_the_window_open_nothing() {
        LogWatcher watcher = watcher(database);
        watcher.poll(HOST);
        for (int i = 0; i < 10; i++) {
            SeedLines.append(log, SeedLines.TIMED_OUT_8080, SeedLines.TIMED_OUT_8080);
            watcher.poll(HOST);
            clock.advance(Duration.ofSeconds(31));
        }
        assertEquals(20, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
        assertEquals(0, opener.opened.size());
    }

    @Test
    void a_restarted_watcher_resumes_at_the_stored_offset() {
        watcher(database).poll(HOST);
        SeedLines.append(log, SeedLines.TIMED_OUT_8080);
        assertEquals(1, watcher(database).poll(HOST));
        long offset = new CursorStore(database, clock).load(HOST, log.toString()).offset();
        database.close();

        SeedLines.append(log, SeedLines.RESET_HEADER_8081, SeedLines.RESET_HEADER_8081);
        database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")));
        CursorStore reopened = new CursorStore(database, clock);
        assertEquals(offset, reopened.load(HOST, log.toString()).offset());
        assertEquals(2, watcher(database).poll(HOST), "the lines written while medic was down are counted once");
        assertEquals(1, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
        assertEquals(2, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
    }

    @Test
    void two_replicas_taking_turns_on_one_host_count_each_line_once_and_share_the_storm() {
        LogWatcher one = watcher(database);
        LogWatcher other = watcher(database);
        one.poll(HOST, "replica-1");
        SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.RESET_HEADER_8080, SeedLines.TIMED_OUT_8080);
        assertEquals(3, other.poll(HOST, "replica-2"), "the second replica goes on from the first one's cursor");
        assertEquals(0, one.poll(HOST, "replica-1"), "and the first one does not read those lines again");
        SeedLines.append(log, SeedLines.RESET_HEADER_8081, SeedLines.RESET_HEADER_8081);
        assertEquals(2, one.poll(HOST, "replica-1"));
        assertEquals(1, opener.opened.size(), "three failures seen by one replica and two by the other reach five");
        assertEquals(2, count("127.0.0.1:8080", FailureClass.RESET_READING_HEADER), "each line counted once");
        assertEquals(1, count("127.0.0.1:8080", FailureClass.TIMED_OUT));
        assertEquals(2, count("127.0.0.1:8081", FailureClass.RESET_READING_HEADER));
    }
}

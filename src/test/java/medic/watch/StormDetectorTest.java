package medic.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threshold policy on the failures in the database: window, per-host state, cooldown, shared by replicas. */
class StormDetectorTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T23:00:00Z"));
    private final RecordingOpener opener = new RecordingOpener();
    private final WatchPolicy policy = new WatchPolicy(10, Duration.ofSeconds(60), Duration.ofMinutes(5), "r");

    @TempDir
    Path dir;

    private Database database;
    private CursorStore cursors;
    private StormDetector detector;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")));
        cursors = new CursorStore(database, clock);
        detector = detector(policy);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private StormDetector detector(WatchPolicy withPolicy) {
        return new StormDetector(withPolicy, opener, new StormLedger(database), clock);
    }

    /** Records {@code failures} as one committed read of the host's log. */
    private void read(String host, int failures) {
        LogCursor cursor = cursors.load(host, "/var/log/nginx/error.log");
        LogCursor next = cursor.at("1", cursor.offset() + 100);
        assertTrue(cursors.advance(cursor, next, failures, "test"));
    }

    @Test
    void hosts_are_judged_separately() {
        read("a", 6);
        read("b", 6);
        assertFalse(detector.check("a"));
        assertFalse(detector.check("b"));
        read("a", 4);
        assertTrue(detector.check("a"));
        assertEquals(1, opener.opened.size());
        assertEquals("a", opener.opened.get(0).host());
    }

    @Test
    void failures_leave_the_window_after_it_passes() {
        read("a", 9);
        clock.advance(Duration.ofSeconds(60));
        read("a", 9);
        assertFalse(detector.check("a"), "the first nine are a full window old");
        clock.advance(Duration.ofSeconds(59));
        read("a", 1);
        assertTrue(detector.check("a"));
    }

    @Test
    void a_zero_cooldown_opens_again_once_the_window_fills_again() {
        StormDetector eager = detector(new WatchPolicy(2, Duration.ofSeconds(60), Duration.ZERO, "r"));
        read("a", 2);
        assertTrue(eager.check("a"));
        read("a", 1);
        assertFalse(eager.check("a"), "the window starts empty after an incident");
        read("a", 1);
        assertTrue(eager.check("a"));
        assertEquals(2, opener.opened.size());
    }

    @Test
    void another_replica_sees_the_same_window_and_the_same_cooldown() {
        StormDetector other = detector(policy);
        read("a", 6);
        assertFalse(detector.check("a"));
        read("a", 4);
        assertTrue(other.check("a"), "six seen by one replica and four by the other make ten");
        read("a", 20);
        assertFalse(detector.check("a"), "the other replica's incident started the cooldown for both");
        assertEquals(1, opener.opened.size());
    }

    @Test
    void a_policy_refuses_a_zero_threshold_and_an_empty_window() {
        assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(0, Duration.ofSeconds(1), Duration.ZERO, "r"));
        assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(1, Duration.ZERO, Duration.ZERO, "r"));
    }

    @Test
    void failures_older_than_a_day_are_purged() {
        read("a", 3);
        detector.check("a");
        clock.advance(Duration.ofDays(1).plusHours(1));
        read("a", 2);
        detector.check("a");
        StormLedger ledger = new StormLedger(database);
        assertEquals(2, ledger.window("a", Instant.EPOCH, 0).failures(), "the rows of a day ago are gone");
    }
}

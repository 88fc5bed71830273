package medic.watch;

import medic.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The threshold policy on its own: window, per-host state, cooldown. */
class StormDetectorTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T23:00:00Z"));
    private final RecordingOpener opener = new RecordingOpener();
    private final StormDetector detector = new StormDetector(
            new WatchPolicy(10, Duration.ofSeconds(60), Duration.ofMinutes(5), "r"), opener, clock);

    @Test
    void hosts_are_judged_separately() {
        assertFalse(detector.record("a", 6));
        assertFalse(detector.record("b", 6));
        assertTrue(detector.record("a", 4));
        assertEquals(1, opener.opened.size());
        assertEquals("a", opener.opened.get(0).host());
    }

    @Test
    void failures_leave_the_window_after_it_passes() {
        detector.record("a", 9);
        clock.advance(Duration.ofSeconds(60));
        assertFalse(detector.record("a", 9), "the first nine are a full window old");
        clock.advance(Duration.ofSeconds(59));
        assertTrue(detector.record("a", 1));
    }

    @Test
    void a_zero_cooldown_opens_again_once_the_window_fills_again() {
        StormDetector eager = new StormDetector(new WatchPolicy(2, Duration.ofSeconds(60), Duration.ZERO, "r"),
                opener, clock);
        assertTrue(eager.record("a", 2));
        assertFalse(eager.record("a", 1), "the window starts empty after an incident");
        assertTrue(eager.record("a", 1));
        assertEquals(2, opener.opened.size());
    }

    @Test
    void a_policy_refuses_a_zero_threshold_and_an_empty_window() {
        assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(0, Duration.ofSeconds(1), Duration.ZERO, "r"));
        assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(1, Duration.ZERO, Duration.ZERO, "r"));
    }
}

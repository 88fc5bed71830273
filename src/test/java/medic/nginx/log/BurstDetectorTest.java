package medic.nginx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 23, 14, 0);

    @Test
    void finds_the_reset_and_timeout_bursts_in_the_fixture() {
        List<Burst> bursts = new ErrorLogScanner().scan(Fixtures.bytes("bursts.log")).bursts();

        assertEquals(List.of(
            new Burst(START.plusMinutes(20), START.plusMinutes(22), 55, 30, FailureClass.RESET_READING_HEADER, 10),
            new Burst(START.plusMinutes(35), START.plusMinutes(36), 12, 12, FailureClass.TIMED_OUT, 10)), bursts);
    }

    @Test
    void a_single_incident_in_a_quiet_log_is_a_burst() {
        List<MinuteCounts> minutes = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            minutes.add(minute(m, m == 12 ? 40 : 0));
        }

        List<Burst> bursts = BurstDetector.detect(minutes, BurstRule.DEFAULT);

        assertEquals(1, bursts.size());
        assertEquals(START.plusMinutes(12), bursts.get(0).start());
        assertEquals(40, bursts.get(0).failures());
    }

    @Test
    void steady_failures_are_the_baseline_not_a_burst() {
        List<MinuteCounts> minutes = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            minutes.add(minute(m, m == 12 ? 400 : 100));
        }

        assertEquals(100, BurstDetector.baseline(minutes));
        assertTrue(BurstDetector.detect(minutes, BurstRule.DEFAULT).isEmpty());
        assertEquals(1, BurstDetector.detect(minutes, new BurstRule(10, 3)).size());
    }

    @Test
    void minutes_missing_from_the_list_count_as_quiet_and_split_runs() {
        List<MinuteCounts> minutes = List.of(minute(0, 3), minute(1, 20), minute(3, 20), minute(40, 3));

        assertEquals(0, BurstDetector.baseline(minutes));
        List<Burst> bursts = BurstDetector.detect(minutes, BurstRule.DEFAULT);

        assertEquals(2, bursts.size());
        assertEquals(START.plusMinutes(2), bursts.get(0).end());
        assertEquals(START.plusMinutes(3), bursts.get(1).start());
    }

    @Test
    void counts_only_upstream_failures_toward_a_burst() {
        ClassCounts idle = ClassCounts.of(Map.of(FailureClass.TUNNEL_IDLE_TIMEOUT, 500L));
        List<MinuteCounts> minutes = List.of(new MinuteCounts(START, 500, idle), minute(1, 0));

        assertTrue(BurstDetector.detect(minutes, BurstRule.DEFAULT).isEmpty());
        assertTrue(BurstDetector.detect(List.of(), BurstRule.DEFAULT).isEmpty());
    }

    @Test
    void rejects_a_rule_that_would_flag_every_minute() {
        assertThrows(IllegalArgumentException.class, () -> new BurstRule(0, 5));
    }

    private static MinuteCounts minute(int offset, long resets) {
        return new MinuteCounts(START.plusMinutes(offset), resets,
            ClassCounts.of(Map.of(FailureClass.RESET_READING_HEADER, resets)));
    }
}

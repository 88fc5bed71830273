package medic.nginx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares two summaries field by field, so a failure names the field that differs. */
final class SummaryAssert {
    private SummaryAssert() {
    }

    static void assertSameCounts(LogSummary expected, LogSummary actual) {
        assertEquals(expected.lines(), actual.lines(), "lines");
        assertEquals(expected.classes(), actual.classes(), "classes");
        assertEquals(expected.byUpstream(), actual.byUpstream(), "byUpstream");
        assertEquals(expected.byServer(), actual.byServer(), "byServer");
        assertEquals(expected.byRequest(), actual.byRequest(), "byRequest");
        assertEquals(expected.perMinute(), actual.perMinute(), "perMinute");
        assertEquals(expected.firstTimestamp(), actual.firstTimestamp(), "firstTimestamp");
        assertEquals(expected.lastTimestamp(), actual.lastTimestamp(), "lastTimestamp");
        assertEquals(expected.bursts(), actual.bursts(), "bursts");
        assertEquals(expected.retriedConnections(), actual.retriedConnections(), "retriedConnections");
        assertEquals(expected.retriedAfterReset(), actual.retriedAfterReset(), "retriedAfterReset");
    }

    static void assertSame(LogSummary expected, LogSummary actual) {
        assertSameCounts(expected, actual);
        assertEquals(expected.samples(), actual.samples(), "samples");
        assertEquals(expected.problemSamples(), actual.problemSamples(), "problemSamples");
        assertEquals(expected.retries(), actual.retries(), "retries");
    }
}

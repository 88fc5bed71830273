package medic.nginx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.MedicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorLogScannerTest {
    private final ErrorLogScanner scanner = new ErrorLogScanner(ScanLimits.DEFAULTS, 1);

    @Test
    void summarises_the_captured_log() {
        LogSummary summary = scanner.scan(Fixtures.bytes("nginx-1.22.1-captured.log"));

        assertEquals(new LineCounts(48, 47, 1, 0, 0, 0), summary.lines());
        ClassCounts classes = summary.classes();
        assertEquals(7, classes.get(FailureClass.RESET_READING_HEADER));
        assertEquals(2, classes.get(FailureClass.RESET_READING_BODY));
        assertEquals(3, classes.get(FailureClass.CONNECT_REFUSED));
        assertEquals(2, classes.get(FailureClass.NO_LIVE_UPSTREAMS));
        assertEquals(1, classes.get(FailureClass.TUNNEL_IDLE_TIMEOUT));
        assertEquals(5, summary.byUpstream().get("127.0.0.1:9001").get(FailureClass.RESET_READING_HEADER));
        assertEquals(2, summary.byUpstream().get("ws_backend").total());
        assertEquals(1, summary.byServer().get("").total());
        assertEquals(LocalDateTime.of(2026, 11, 23, 22, 52, 3), summary.firstTimestamp().orElseThrow());
        assertEquals(LocalDateTime.of(2026, 11, 23, 22, 52, 10), summary.lastTimestamp().orElseThrow());
        assertEquals(7, summary.samples().get(FailureClass.RESET_READING_HEADER).get(0).lineNumber());
        assertEquals(1, summary.retriedConnections());
        List<FailureClass> twiceRefused = List.of(FailureClass.CONNECT_REFUSED, FailureClass.CONNECT_REFUSED);
        assertEquals(new ConnectionRetry(21, twiceRefused, 23, 25), summary.retries().get(0));
        assertEquals(0, summary.retriedAfterReset());
    }

    @Test
    void counts_truncated_garbled_foreign_and_blank_lines_without_failing() {
        LogSummary summary = scanner.scan(Fixtures.bytes("problems.log"));

        assertEquals(new LineCounts(16, 4, 2, 4, 4, 2), summary.lines());
        assertEquals(List.of(2L, 3L), lineNumbers(summary.problemSamples().get(LineKind.TRUNCATED)));
        assertEquals(List.of(4L, 5L, 6L, 7L), lineNumbers(summary.problemSamples().get(LineKind.GARBLED)));
        assertEquals(List.of(8L, 9L, 10L, 15L), lineNumbers(summary.problemSamples().get(LineKind.FOREIGN)));
        assertEquals(4, summary.classes().get(FailureClass.RESET_READING_HEADER));
        assertEquals(1, summary.classes().get(FailureClass.PREMATURELY_CLOSED));
        assertEquals(1, summary.classes().get(FailureClass.SERVER_DISABLED));
    }

    @Test
    void reads_crlf_line_ends_like_lf() {
        LogSummary lf = scanner.scan(Fixtures.bytes("nginx-1.22.1-captured.log"));
        LogSummary crlf = scanner.scan(Fixtures.bytes("captured-crlf.log"));

        SummaryAssert.assertSameCounts(lf, crlf);
        assertEquals(1, crlf.lines().truncated());
    }

    @Test
    void scans_an_empty_log() {
        LogSummary summary = scanner.scan(new byte[0]);

        assertEquals(new LineCounts(0, 0, 0, 0, 0, 0), summary.lines());
        assertEquals(ClassCounts.EMPTY, summary.classes());
        assertTrue(summary.perMinute().isEmpty());
        assertTrue(summary.bursts().isEmpty());
        assertFalse(summary.firstTimestamp().isPresent());
        assertEquals(0, summary.byUpstream().total().total());
    }

    @Test
    void reads_the_last_line_of_a_file_without_trailing_newline() {
        LogSummary summary = scanner.scan(Fixtures.bytes("no-trailing-newline.log"));

        assertEquals(new LineCounts(2, 2, 0, 0, 0, 0), summary.lines());
        assertEquals(1, summary.classes().get(FailureClass.RESET_UPGRADED_UPSTREAM));
        assertEquals(2, summary.samples().get(FailureClass.RESET_UPGRADED_UPSTREAM).get(0).lineNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx-1.22.1-captured.log", "problems.log", "bursts.log", "captured-crlf.log",
        "no-trailing-newline.log"})
    void the_prefix_shortcut_agrees_with_parsing_every_line(String fixture) {
        byte[] log = Fixtures.bytes(fixture);
        Map<LineKind, Long> kinds = new EnumMap<>(LineKind.class);
        Map<FailureClass, Long> classes = new EnumMap<>(FailureClass.class);
        List<String> lines = new String(log, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            LineResult result = ErrorLogParser.parse(lines.get(i), i + 1);
            kinds.merge(result.kind(), 1L, Long::sum);
            if (result.kind().hasEntry()) {
                classes.merge(result.failureClass(), 1L, Long::sum);
            }
        }

        LogSummary summary = scanner.scan(log);

        for (LineKind kind : LineKind.values()) {
            assertEquals(kinds.getOrDefault(kind, 0L), summary.lines().get(kind), kind.name());
        }
        assertEquals(ClassCounts.of(classes), summary.classes());
    }

    @Test
    void the_prefix_shortcut_only_misses_cuts_in_lines_that_carry_no_failure() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (String line : Fixtures.lines("nginx-1.22.1-captured.log")) {
            for (int cut = 0; cut <= Math.min(line.length(), 120); cut++) {
                log.writeBytes((line.substring(0, cut) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = log.toByteArray();
        Map<LineKind, Long> kinds = new EnumMap<>(LineKind.class);
        Map<FailureClass, Long> classes = new EnumMap<>(FailureClass.class);
        long cutWithoutFailure = 0;
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            LineResult result = ErrorLogParser.parse(lines.get(i), i + 1);
            kinds.merge(result.kind(), 1L, Long::sum);
            classes.merge(result.failureClass(), result.kind().hasEntry() ? 1L : 0L, Long::sum);
            cutWithoutFailure += result.kind() == LineKind.TRUNCATED && result.failureClass() == FailureClass.OTHER
                ? 1 : 0;
        }

        LogSummary summary = scanner.scan(bytes);

        assertTrue(cutWithoutFailure > 0);
        assertEquals(kinds.get(LineKind.TRUNCATED), summary.lines().truncated() + cutWithoutFailure);
        assertEquals(kinds.get(LineKind.PARSED), summary.lines().parsed() - cutWithoutFailure);
        for (LineKind kind : List.of(LineKind.GARBLED, LineKind.FOREIGN, LineKind.BLANK)) {
            assertEquals(kinds.getOrDefault(kind, 0L), summary.lines().get(kind), kind.name());
        }
        assertEquals(ClassCounts.of(classes), summary.classes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx-1.22.1-captured.log", "problems.log", "bursts.log"})
    void scanning_in_parallel_segments_gives_the_single_pass_result(String fixture) {
        byte[] log = Fixtures.bytes(fixture);
        LogSummary single = scanner.scan(log);

        for (int segment : new int[] {64, 300, 4096}) {
            ErrorLogScanner segmented = new ErrorLogScanner(ScanLimits.DEFAULTS, 3, segment);
            SummaryAssert.assertSame(single, segmented.scan(log));
            SummaryAssert.assertSame(single, segmented.scan(new ByteArrayInputStream(log), fixture));
        }
    }

    @Test
    void streams_a_log_larger_than_its_buffer_in_segments() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) {
            log.writeBytes(Fixtures.bytes(i % 2 == 0 ? "bursts.log" : "problems.log"));
        }
        byte[] bytes = log.toByteArray();
        assertTrue(bytes.length > 4 * ErrorLogScanner.MIN_STREAM_BUFFER);

        LogSummary single = scanner.scan(bytes);
        LogSummary streamed =
            new ErrorLogScanner(ScanLimits.DEFAULTS, 2, 1024).scan(new ByteArrayInputStream(bytes), "test");

        SummaryAssert.assertSame(single, streamed);
        assertEquals(20 * 169 + 20 * 16, single.lines().total());
    }

    @Test
    void counts_a_line_longer_than_any_buffer_once_and_reads_on() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        byte[] captured = Fixtures.bytes("nginx-1.22.1-captured.log");
        log.writeBytes(captured);
        String overlong = "2026/11/23 22:59:00 [error] 1#1: " + "x".repeat(300_000) + "\n";
        log.writeBytes(overlong.getBytes(StandardCharsets.UTF_8));
        log.writeBytes(captured);
        byte[] bytes = log.toByteArray();

        LogSummary inMemory = scanner.scan(bytes);
        LogSummary streamed =
            new ErrorLogScanner(ScanLimits.DEFAULTS, 2, 1024).scan(new ByteArrayInputStream(bytes), "test");

        assertEquals(new LineCounts(97, 94, 2, 1, 0, 0), inMemory.lines());
        SummaryAssert.assertSame(inMemory, streamed);
        assertEquals(49, inMemory.problemSamples().get(LineKind.GARBLED).get(0).lineNumber());
    }

    @Test
    void keeps_memory_flat_by_folding_keys_past_the_limits_into_other() {
        ScanLimits tight = new ScanLimits(2, 1, 1, 40, 16, 0);
        LogSummary bounded = new ErrorLogScanner(tight, 1).scan(Fixtures.bytes("nginx-1.22.1-captured.log"));
        LogSummary full = scanner.scan(Fixtures.bytes("nginx-1.22.1-captured.log"));

        assertEquals(1, bounded.byUpstream().counts().size());
        assertEquals(full.byUpstream().total(), bounded.byUpstream().total());
        assertEquals(full.byRequest().total(), bounded.byRequest().total());
        assertTrue(bounded.byUpstream().other().total() > 0);
        assertTrue(bounded.samples().values().stream().allMatch(list -> list.size() == 1));
        SampleLine sample = bounded.samples().get(FailureClass.RESET_READING_HEADER).get(0);
        assertEquals(41, sample.text().length());
        assertTrue(sample.text().endsWith("…"));
        assertTrue(bounded.retries().isEmpty());
        assertEquals(1, bounded.retriedConnections());
    }

    @Test
    void spots_a_connection_that_failed_again_after_a_reset() {
        LogSummary summary = scanner.scan(Fixtures.bytes("bursts.log"));

        assertEquals(1, summary.retriedConnections());
        assertEquals(1, summary.retriedAfterReset());
        ConnectionRetry retry = summary.retries().get(0);
        assertEquals(500, retry.connection());
        assertEquals(List.of(FailureClass.RESET_READING_HEADER, FailureClass.TIMED_OUT), retry.failures());
        assertTrue(retry.involvesReset());
    }

    @Test
    void aggregates_failures_per_minute_in_order() {
        LogSummary summary = scanner.scan(Fixtures.bytes("bursts.log"));
        List<MinuteCounts> minutes = summary.perMinute();

        assertEquals(40, minutes.size());
        assertEquals(LocalDateTime.of(2026, 11, 23, 14, 0), minutes.get(0).minute());
        assertEquals(LocalDateTime.of(2026, 11, 23, 14, 39), minutes.get(39).minute());
        assertEquals(31, minutes.get(20).lines());
        assertEquals(30, minutes.get(20).failures().get(FailureClass.RESET_READING_HEADER));
        assertEquals(1, minutes.get(7).lines());
        assertEquals(ClassCounts.EMPTY, minutes.get(7).failures());
        assertEquals(20, minutes.get(10).failures().get(FailureClass.TUNNEL_IDLE_TIMEOUT));
        assertEquals(1, minutes.get(10).failures().upstreamFailures());
    }

    @Test
    void regroups_failing_requests_by_the_location_a_locator_names() {
        LogSummary summary = scanner.scan(Fixtures.bytes("bursts.log"));

        Breakdown<String> byLocation = summary.byLocation(key -> key.path().startsWith("/ws/") ? "location /ws/"
            : key.path().equals("/api/v2/orders") ? null : "location /");

        assertEquals(Set.of("location /", "location /ws/", "(no location)"), byLocation.counts().keySet());
        List<Long> totals = byLocation.counts().values().stream().map(ClassCounts::total).toList();
        assertEquals(totals.stream().sorted(Comparator.reverseOrder()).toList(), totals);
        assertEquals(20, byLocation.get("location /ws/").get(FailureClass.TUNNEL_IDLE_TIMEOUT));
        assertEquals(12, byLocation.get("(no location)").get(FailureClass.TIMED_OUT));
        assertEquals(summary.byRequest().total(), byLocation.total());
    }

    @Test
    void scans_a_file_and_names_it_when_it_cannot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("error.log");
        Files.write(file, Fixtures.bytes("nginx-1.22.1-captured.log"));

        assertEquals(48, scanner.scan(file).lines().total());
        MedicException missing = assertThrows(MedicException.class, () -> scanner.scan(dir.resolve("gone.log")));
        assertTrue(missing.getMessage().contains("gone.log"), missing.getMessage());
    }

    @Test
    void scans_text_the_same_as_its_utf8_bytes() {
        byte[] log = Fixtures.bytes("problems.log");
        String text = new String(log, StandardCharsets.UTF_8);

        SummaryAssert.assertSameCounts(scanner.scan(log), scanner.scan(text));
    }

    private static List<Long> lineNumbers(List<SampleLine> samples) {
        return samples.stream().map(SampleLine::lineNumber).toList();
    }
}

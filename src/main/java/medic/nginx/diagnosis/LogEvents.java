package medic.nginx.diagnosis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.log.ErrorLogLine;
import medic.nginx.log.ErrorLogParser;
import medic.nginx.log.FailureClass;
import medic.nginx.log.LineResult;

/**
 * Collects the failure lines of an error log as {@link LogEvent}s: one per distinct (class, server, host,
 * method, URI, upstream), with its count and first line as the sample. Lines at notice or debug level cannot
 * hold a failure and are skipped without decoding. Past {@link #MAX_KEYS} distinct requests, further failures
 * are counted per class without a request, so nothing is lost from the totals.
 */
public final class LogEvents {
    static final int MAX_KEYS = 20_000;
    private static final int SAMPLE_CHARS = 600;

    private record Key(FailureClass failure, String server, String host, String method, String uri, String upstream) {
    }

    private LogEvents() {
    }

    public static List<LogEvent> from(byte[] log) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, String> samples = new LinkedHashMap<>();
        long lineNumber = 0;
        int start = 0;
        while (start < log.length) {
            int newline = ErrorLogParser.newline(log, start, log.length);
            int end = newline < 0 ? log.length : newline;
            lineNumber++;
            if (mayHoldFailure(log, start, end)) {
                LineResult result = ErrorLogParser.parse(log, start, end, lineNumber);
                ErrorLogLine line = result.entry().orElse(null);
                if (line != null && line.failureClass() != FailureClass.OTHER) {
                    Key key = key(line, counts.size() < MAX_KEYS);
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                    if (!samples.containsKey(key)) {
                        samples.put(key, sample(log, result.lineNumber(), start, end));
                    }
                }
            }
            start = end + 1;
        }
        List<LogEvent> events = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> events.add(new LogEvent(k.failure(), k.server(), k.host(), k.method(), k.uri(),
                k.upstream(), n[0], samples.get(k))));
        return events;
    }

    public static List<LogEvent> from(String log) {
        return from(log.getBytes(StandardCharsets.UTF_8));
    }

    private static Key key(ErrorLogLine line, boolean detailed) {
        if (!detailed) {
            return new Key(line.failureClass(), null, null, null, null, null);
        }
        boolean hasRequest = line.request().isPresent();
        return new Key(line.failureClass(), line.server(), empty(line.host()),
                hasRequest ? line.request().method() : null, hasRequest ? line.request().uri() : null,
                empty(line.upstream()));
    }

    /** "YYYY/MM/DD HH:MM:SS [notice]": levels below warn never carry an upstream failure, except info. */
    private static boolean mayHoldFailure(byte[] log, int start, int end) {
        int level = start + 21;
        if (end - start > 27 && log[start + 20] == '[') {
            return !(log[level] == 'n' && log[level + 1] == 'o') && log[level] != 'd';
        }
        return end > start;
    }

    private static String sample(byte[] log, long lineNumber, int start, int end) {
        int stop = end > start && log[end - 1] == '\r' ? end - 1 : end;
        String text = new String(log, start, Math.min(stop - start, SAMPLE_CHARS * 4), StandardCharsets.UTF_8);
        return "line " + lineNumber + ": " + (text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) + "…" : text);
    }

    private static String empty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

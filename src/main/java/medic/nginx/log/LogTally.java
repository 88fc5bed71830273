package medic.nginx.log;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable counters of a scan. Each segment of the log fills its own tally with segment-local line numbers;
 * the scan's total tally {@link #absorb absorbs} them in input order and {@link #summary()} freezes the result.
 */
final class LogTally {
    private static final int CLASSES = FailureClass.values().length;

    /** Lines and failure families of one minute; the scanner keeps the current one at hand. */
    static final class Minute {
        long lines;
        long[] classes;

        void count(int failureClass, long times) {
            if (classes == null) {
                classes = new long[CLASSES];
            }
            classes[failureClass] += times;
        }
    }

    private final ScanLimits limits;
    private final long[] kinds = new long[LineKind.values().length];
    private final long[] classes = new long[CLASSES];
    private final KeyTally<String> upstreams;
    private final KeyTally<String> servers;
    private final KeyTally<String> requests; // keyed by RequestKey.joined
    private final Map<Long, Minute> minutes = new HashMap<>();
    private final Map<FailureClass, List<SampleLine>> samples = new EnumMap<>(FailureClass.class);
    private final Map<LineKind, List<SampleLine>> problems = new EnumMap<>(LineKind.class);
    private final FailureEvents failures = new FailureEvents();
    private RetryWatcher retries; // only the total tally watches retries, when segments are absorbed
    private long cachedMinuteKey = Long.MIN_VALUE;
    private Minute cachedMinute;
    private long firstSecond = Long.MIN_VALUE;
    private long lastSecond;

    LogTally(ScanLimits limits) {
        this.limits = limits;
        this.upstreams = new KeyTally<>(limits.distinctKeys(), Comparator.naturalOrder());
        this.servers = new KeyTally<>(limits.distinctKeys(), Comparator.naturalOrder());
        this.requests = new KeyTally<>(limits.distinctKeys(), Comparator.naturalOrder());
    }

    Minute minute(long epochMinute) {
        if (epochMinute != cachedMinuteKey) {
            cachedMinute = minutes.computeIfAbsent(epochMinute, key -> new Minute());
            cachedMinuteKey = epochMinute;
        }
        return cachedMinute;
    }

    /** A line the scanner vouched for from its fixed prefix alone (it cannot carry a failure family). */
    void parsedFast(Minute minute, long localSecond) {
        kinds[LineKind.PARSED.ordinal()]++;
        minute.lines++;
        seen(localSecond);
    }

    void record(LineResult result, String text) {
        LineKind kind = result.kind();
        kinds[kind.ordinal()]++;
        if (kind != LineKind.PARSED && kind != LineKind.BLANK) {
            sample(problems, kind, result.lineNumber(), text);
        }
        ErrorLogLine line = result.line();
        if (line == null) {
            return;
        }
        long second = line.timestamp().toEpochSecond(ZoneOffset.UTC);
        seen(second);
        Minute minute = minute(Math.floorDiv(second, 60));
        minute.lines++;
        FailureClass failureClass = line.failureClass();
        if (failureClass == FailureClass.OTHER) {
            return;
        }
        classes[failureClass.ordinal()]++;
        minute.count(failureClass.ordinal(), 1);
        if (!line.upstream().isEmpty()) {
            upstreams.add(line.upstreamPeer(), failureClass);
        }
        // Per-server counts are derived from the request keys when the summary is built: one lookup less here.
        boolean countedByRequest = line.request().isPresent() && requests.add(RequestKey.joined(line), failureClass);
        if (line.hasClient() && !countedByRequest) {
            servers.add(line.server(), failureClass);
        }
        sample(samples, failureClass, line.lineNumber(), text);
        if (failureClass.isUpstreamFailure() && line.hasConnection()) {
            failures.add(line.connection(), failureClass, line.lineNumber());
        }
    }

    long lines() {
        long total = 0;
        for (long count : kinds) {
            total += count;
        }
        return total;
    }

    /** Adds a later segment's counts; its line numbers are shifted by {@code lineOffset}. */
    void absorb(LogTally segment, long lineOffset) {
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] += segment.kinds[i];
        }
        for (int i = 0; i < CLASSES; i++) {
            classes[i] += segment.classes[i];
        }
        upstreams.absorb(segment.upstreams);
        servers.absorb(segment.servers);
        requests.absorb(segment.requests);
        segment.minutes.forEach((key, part) -> {
            Minute minute = minute(key);
            minute.lines += part.lines;
            for (int i = 0; part.classes != null && i < CLASSES; i++) {
                minute.count(i, part.classes[i]);
            }
        });
        segment.samples.forEach((failureClass, list) -> list.forEach(
            s -> sample(samples, failureClass, s.lineNumber() + lineOffset, s.text())));
        segment.problems.forEach((kind, list) -> list.forEach(
            s -> sample(problems, kind, s.lineNumber() + lineOffset, s.text())));
        segment.failures.replay(retries(), lineOffset);
        if (segment.firstSecond != Long.MIN_VALUE) {
            seen(segment.firstSecond);
            seen(segment.lastSecond);
        }
    }

    private <K> void sample(Map<K, List<SampleLine>> map, K key, long lineNumber, String text) {
        List<SampleLine> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() < limits.samplesPerClass()) {
            list.add(SampleLine.of(lineNumber, text, limits.sampleChars()));
        }
    }

    private void seen(long localSecond) {
        if (firstSecond == Long.MIN_VALUE) {
            firstSecond = localSecond;
        }
        lastSecond = localSecond;
    }

    LogSummary summary() {
        long[] all = classes.clone();
        all[FailureClass.OTHER.ordinal()] = kinds[LineKind.PARSED.ordinal()] + kinds[LineKind.TRUNCATED.ordinal()]
            - ClassCounts.of(classes).total();
        LineCounts lines = new LineCounts(lines(), kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]);
        List<MinuteCounts> perMinute = new ArrayList<>(minutes.size());
        minutes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEachOrdered(e -> perMinute.add(
            new MinuteCounts(LocalDateTime.ofEpochSecond(e.getKey() * 60, 0, ZoneOffset.UTC), e.getValue().lines,
                e.getValue().classes == null ? ClassCounts.EMPTY : ClassCounts.of(e.getValue().classes))));
        LocalDateTime first = firstSecond == Long.MIN_VALUE ? null
            : LocalDateTime.ofEpochSecond(firstSecond, 0, ZoneOffset.UTC);
        LocalDateTime last = first == null ? null : LocalDateTime.ofEpochSecond(lastSecond, 0, ZoneOffset.UTC);
        KeyTally<String> serversWithRequests = new KeyTally<>(limits.distinctKeys(), Comparator.naturalOrder());
        servers.addGroupedTo(serversWithRequests, server -> server, true);
        // Requests past the cap were counted per server directly, so "other" stays out here.
        requests.addGroupedTo(serversWithRequests, RequestKey::serverOfJoined, false);
        return new LogSummary(lines, ClassCounts.of(all), upstreams.breakdown(limits.listedKeys()),
            serversWithRequests.breakdown(limits.listedKeys()),
            requests.breakdown(limits.listedKeys(), RequestKey::fromJoined), perMinute, first, last, samples, problems,
            retries().listed(), retries().retried(), retries().retriedAfterReset());
    }

    private RetryWatcher retries() {
        if (retries == null) {
            retries = new RetryWatcher(limits.retryWindow(), limits.listedRetries());
        }
        return retries;
    }

    /** Upstream failures with a connection number, in line order, for retry detection across segments. */
    private static final class FailureEvents {
        private long[] connections = new long[64];
        private long[] lines = new long[64];
        private byte[] classes = new byte[64];
        private int size;

        void add(long connection, FailureClass failureClass, long line) {
            if (size == connections.length) {
                connections = java.util.Arrays.copyOf(connections, size * 2);
                lines = java.util.Arrays.copyOf(lines, size * 2);
                classes = java.util.Arrays.copyOf(classes, size * 2);
            }
            connections[size] = connection;
            lines[size] = line;
            classes[size] = (byte) failureClass.ordinal();
            size++;
        }

        void replay(RetryWatcher watcher, long lineOffset) {
            FailureClass[] values = FailureClass.values();
            for (int i = 0; i < size; i++) {
                watcher.failure(connections[i], values[classes[i]], lines[i] + lineOffset);
            }
        }
    }
}

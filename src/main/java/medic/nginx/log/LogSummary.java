package medic.nginx.log;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one scan of an nginx error log found: line counts by kind, failure families log-wide and per upstream peer,
 * server name, request and minute, sample lines as evidence, connections that failed more than once, and bursts.
 * Immutable. Breakdowns count failure families only (see {@link ClassCounts}).
 */
public final class LogSummary {
    private final LineCounts lines;
    private final ClassCounts classes;
    private final Breakdown<String> byUpstream;
    private final Breakdown<String> byServer;
    private final Breakdown<RequestKey> byRequest;
    private final List<MinuteCounts> perMinute;
    private final LocalDateTime firstTimestamp;
    private final LocalDateTime lastTimestamp;
    private final Map<FailureClass, List<SampleLine>> samples;
    private final Map<LineKind, List<SampleLine>> problemSamples;
    private final List<ConnectionRetry> retries;
    private final long retriedConnections;
    private final long retriedAfterReset;
    private final List<Burst> bursts;

    LogSummary(LineCounts lines, ClassCounts classes, Breakdown<String> byUpstream, Breakdown<String> byServer,
               Breakdown<RequestKey> byRequest, List<MinuteCounts> perMinute, LocalDateTime firstTimestamp,
               LocalDateTime lastTimestamp, Map<FailureClass, List<SampleLine>> samples,
               Map<LineKind, List<SampleLine>> problemSamples, List<ConnectionRetry> retries,
               long retriedConnections, long retriedAfterReset) {
        this.lines = lines;
        this.classes = classes;
        this.byUpstream = byUpstream;
        this.byServer = byServer;
        this.byRequest = byRequest;
        this.perMinute = List.copyOf(perMinute);
        this.firstTimestamp = firstTimestamp;
        this.lastTimestamp = lastTimestamp;
        this.samples = frozen(samples, FailureClass.class);
        this.problemSamples = frozen(problemSamples, LineKind.class);
        this.retries = List.copyOf(retries);
        this.retriedConnections = retriedConnections;
        this.retriedAfterReset = retriedAfterReset;
        this.bursts = BurstDetector.detect(this.perMinute, BurstRule.DEFAULT);
    }

    public LineCounts lines() {
        return lines;
    }

    /** Lines per failure family over the whole log; OTHER counts the parsed lines in no family. */
    public ClassCounts classes() {
        return classes;
    }

    /** Failures per upstream peer ({@link ErrorLogLine#upstreamPeer()}): address, unix socket or group name. */
    public Breakdown<String> byUpstream() {
        return byUpstream;
    }

    /** Failures per server name as nginx logged it (empty for {@code server_name ""}). */
    public Breakdown<String> byServer() {
        return byServer;
    }

    public Breakdown<RequestKey> byRequest() {
        return byRequest;
    }

    /**
     * Failures per nginx location: {@code locator} maps a request to the location that served it (the config
     * side knows how); requests it returns null for are grouped under {@code "(no location)"}.
     */
    public Breakdown<String> byLocation(Function<RequestKey, String> locator) {
        return byRequest.regroup(locator, "(no location)");
    }

    /** Every minute with at least one parsed or truncated line, in order; quiet minutes are absent. */
    public List<MinuteCounts> perMinute() {
        return perMinute;
    }

    /** The timestamp of the first parsed or truncated line in file order (nginx's local time, no zone). */
    public Optional<LocalDateTime> firstTimestamp() {
        return Optional.ofNullable(firstTimestamp);
    }

    /** The timestamp of the last parsed or truncated line in file order. */
    public Optional<LocalDateTime> lastTimestamp() {
        return Optional.ofNullable(lastTimestamp);
    }

    /** Up to {@link ScanLimits#samplesPerClass()} first lines of each failure family found. */
    public Map<FailureClass, List<SampleLine>> samples() {
        return samples;
    }

    /** First truncated, garbled and foreign lines, so a reader can see what the scanner could not read. */
    public Map<LineKind, List<SampleLine>> problemSamples() {
        return problemSamples;
    }

    /** The first connections with more than one upstream failure, up to {@link ScanLimits#listedRetries()}. */
    public List<ConnectionRetry> retries() {
        return retries;
    }

    /** How many connections had more than one upstream failure. */
    public long retriedConnections() {
        return retriedConnections;
    }

    /** How many of those had a reset among their failures: the keepalive-race signature. */
    public long retriedAfterReset() {
        return retriedAfterReset;
    }

    /** Bursts by {@link BurstRule#DEFAULT}; see {@link BurstDetector} for the rule. */
    public List<Burst> bursts() {
        return bursts;
    }

    public List<Burst> bursts(BurstRule rule) {
        return BurstDetector.detect(perMinute, rule);
    }

    private static <K extends Enum<K>> Map<K, List<SampleLine>> frozen(Map<K, List<SampleLine>> map, Class<K> type) {
        Map<K, List<SampleLine>> copy = new EnumMap<>(type);
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}

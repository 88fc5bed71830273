package medic.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import medic.nginx.log.ErrorLogParser;
import medic.nginx.log.ErrorLogLine;
import medic.nginx.log.FailureClass;
import medic.nginx.log.LineResult;

/**
 * Counts upstream failures in freshly read error-log lines by class and upstream peer, as the Prometheus counter
 * {@code medic_nginx_upstream_failures_total{host,upstream,class}} on the given registry.
 */
public final class FailureCounter {
    /** The meter's name; Prometheus shows it as {@code medic_nginx_upstream_failures_total}. */
    public static final String METER = "medic.nginx.upstream.failures";

    private final MeterRegistry registry;

    public FailureCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Parses the complete lines in {@code bytes[0, length)} and counts their upstream failures; returns how many. */
    public int count(String host, byte[] bytes, int length) {
        Tally tally = tally(bytes, length);
        record(host, tally);
        return tally.total();
    }

    /** The upstream failures in the complete lines of {@code bytes[0, length)}, by upstream and class, not counted yet. */
    public static Tally tally(byte[] bytes, int length) {
        Map<Key, Integer> counts = new HashMap<>();
        int lineStart = 0;
        long lineNumber = 1;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                add(counts, ErrorLogParser.parse(bytes, lineStart, i, lineNumber++));
                lineStart = i + 1;
            }
        }
        if (lineStart < length) {
            add(counts, ErrorLogParser.parse(bytes, lineStart, length, lineNumber));
        }
        return new Tally(counts);
    }

    /** Adds a tally to the host's counters (once its read is committed). */
    public void record(String host, Tally tally) {
        tally.counts().forEach((key, count) -> counter(host, key.upstream(), key.failureClass()).increment(count));
    }

    private static void add(Map<Key, Integer> counts, LineResult result) {
        FailureClass failureClass = result.failureClass();
        if (!failureClass.isUpstreamFailure() || result.entry().isEmpty()) {
            return;
        }
        ErrorLogLine line = result.entry().get();
        String upstream = line.upstreamPeer();
        counts.merge(new Key(upstream.isEmpty() ? "unknown" : upstream, failureClass), 1, Integer::sum);
    }

    /** One counter's labels besides the host. */
    public record Key(String upstream, FailureClass failureClass) {
    }

    /** Upstream failures read but not yet counted. */
    public record Tally(Map<Key, Integer> counts) {
        public static final Tally NONE = new Tally(Map.of());

        public Tally {
            counts = Map.copyOf(counts);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public Tally plus(Tally other) {
            Map<Key, Integer> sum = new HashMap<>(counts);
            other.counts.forEach((key, count) -> sum.merge(key, count, Integer::sum));
            return new Tally(sum);
        }
    }

    /** The counter for one host, upstream and class (registered on first use). */
    public Counter counter(String host, String upstream, FailureClass failureClass) {
        return Counter.builder(METER)
                .description("nginx upstream failures seen in the error log by medic's log watcher")
                .tag("host", host)
                .tag("upstream", upstream)
                .tag("class", failureClass.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}

package medic.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
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
        int failures = 0;
        int lineStart = 0;
        long lineNumber = 1;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                failures += countLine(host, ErrorLogParser.parse(bytes, lineStart, i, lineNumber++));
                lineStart = i + 1;
            }
        }
        if (lineStart < length) {
            failures += countLine(host, ErrorLogParser.parse(bytes, lineStart, length, lineNumber));
        }
        return failures;
    }

    private int countLine(String host, LineResult result) {
        FailureClass failureClass = result.failureClass();
        if (!failureClass.isUpstreamFailure() || result.entry().isEmpty()) {
            return 0;
        }
        ErrorLogLine line = result.entry().get();
        String upstream = line.upstreamPeer();
        counter(host, upstream.isEmpty() ? "unknown" : upstream, failureClass).increment();
        return 1;
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

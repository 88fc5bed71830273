package medic.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The outbox's meters, labelled by Slack method: calls sent, retried and dead-lettered, the time each attempt took
 * (by outcome), the time from enqueue to sent, and the calls waiting.
 */
final class OutboxMetrics {

    private static final Duration DEPTH_CACHE = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final Supplier<Map<CallKind, Long>> pendingByKind;
    private volatile Map<CallKind, Long> depth = Map.of();
    private volatile long depthReadAt = Long.MIN_VALUE;

    OutboxMetrics(MeterRegistry registry, Supplier<Map<CallKind, Long>> pendingByKind) {
        this.registry = registry;
        this.pendingByKind = pendingByKind;
        Arrays.stream(CallKind.values()).map(CallKind::method).distinct().forEach(method -> Gauge
                .builder("medic.slack.outbox.depth", this, metrics -> metrics.waiting(method))
                .description("Slack calls waiting in the outbox").tag("method", method).register(registry));
    }

    void sent(CallKind kind, Duration attempt, Duration sinceEnqueued) {
        Counter.builder("medic.slack.calls.sent").tag("method", kind.method()).register(registry).increment();
        attempt(kind, "sent", attempt);
        Timer.builder("medic.slack.outbox.delay").description("time from enqueue to Slack's acceptance")
                .tag("method", kind.method()).register(registry).record(sinceEnqueued);
    }

    void retried(CallKind kind, Duration attempt) {
        Counter.builder("medic.slack.calls.retried").tag("method", kind.method()).register(registry).increment();
        attempt(kind, "retried", attempt);
    }

    void deadLettered(CallKind kind, Duration attempt, int calls) {
        Counter.builder("medic.slack.calls.dead_lettered").tag("method", kind.method()).register(registry)
                .increment(calls);
        attempt(kind, "dead_lettered", attempt);
    }

    private void attempt(CallKind kind, String outcome, Duration took) {
        Timer.builder("medic.slack.call.latency").description("one attempt of a Slack call")
                .tag("method", kind.method()).tag("outcome", outcome).register(registry).record(took);
    }

    /** Read at scrape time, from the database at most once a second. */
    private double waiting(String method) {
        long now = System.nanoTime();
        if (depthReadAt == Long.MIN_VALUE || now - depthReadAt > DEPTH_CACHE.toNanos()) {
            try {
                depth = pendingByKind.get();
            } catch (RuntimeException e) {
                return Double.NaN;
            } finally {
                depthReadAt = now;
            }
        }
        return depth.entrySet().stream().filter(entry -> entry.getKey().method().equals(method))
                .mapToLong(Map.Entry::getValue).sum();
    }
}

package medic.bench;

import java.util.Arrays;
import java.util.Locale;

/** Sorted latency samples in nanoseconds, printed as p50/p90/p99/max milliseconds. */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    double percentileMillis(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    String summary() {
        return String.format(Locale.ROOT, "p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms (n=%d)",
                percentileMillis(0.50), percentileMillis(0.90), percentileMillis(0.99), percentileMillis(1.0),
                sortedNanos.length);
    }
}

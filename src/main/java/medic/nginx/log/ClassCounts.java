package medic.nginx.log;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Immutable line counts per {@link FailureClass}. In the log-wide total, OTHER counts every parsed line that is
 * not in a failure family; in breakdowns (per minute, upstream, server, request) only the families are counted.
 */
public final class ClassCounts {
    private static final FailureClass[] CLASSES = FailureClass.values();
    public static final ClassCounts EMPTY = new ClassCounts(new long[CLASSES.length]);

    private final long[] counts;

    private ClassCounts(long[] counts) {
        this.counts = counts;
    }

    /** Copies {@code counts}, indexed by {@link FailureClass#ordinal()}. */
    static ClassCounts of(long[] counts) {
        if (counts.length != CLASSES.length) {
            throw new IllegalArgumentException("expected " + CLASSES.length + " counts, got " + counts.length);
        }
        return new ClassCounts(counts.clone());
    }

    public static ClassCounts of(Map<FailureClass, Long> counts) {
        long[] values = new long[CLASSES.length];
        counts.forEach((failureClass, count) -> values[failureClass.ordinal()] = count);
        return new ClassCounts(values);
    }

    public long get(FailureClass failureClass) {
        return counts[failureClass.ordinal()];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long upstreamFailures() {
        long sum = 0;
        for (FailureClass failureClass : CLASSES) {
            sum += failureClass.isUpstreamFailure() ? counts[failureClass.ordinal()] : 0;
        }
        return sum;
    }

    /** Lines of every family except OTHER. */
    public long classified() {
        return total() - get(FailureClass.OTHER);
    }

    /** The most frequent upstream-failure class, else the most frequent family, else OTHER. */
    public FailureClass dominant() {
        FailureClass best = FailureClass.OTHER;
        long bestCount = 0;
        for (boolean failuresOnly : new boolean[] {true, false}) {
            for (FailureClass failureClass : CLASSES) {
                long count = counts[failureClass.ordinal()];
                boolean eligible = failureClass != FailureClass.OTHER
                    && (!failuresOnly || failureClass.isUpstreamFailure());
                if (eligible && count > bestCount) {
                    best = failureClass;
                    bestCount = count;
                }
            }
            if (bestCount > 0) {
                return best;
            }
        }
        return best;
    }

    public ClassCounts plus(ClassCounts other) {
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new ClassCounts(sum);
    }

    /** The non-zero counts, in {@link FailureClass} order. */
    public Map<FailureClass, Long> asMap() {
        Map<FailureClass, Long> map = new EnumMap<>(FailureClass.class);
        for (FailureClass failureClass : CLASSES) {
            if (counts[failureClass.ordinal()] != 0) {
                map.put(failureClass, counts[failureClass.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}

package medic.nginx.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Mutable failure counts per key with a cap on distinct keys; keys first seen past the cap count as "other". */
final class KeyTally<K> {
    private static final int CLASSES = FailureClass.values().length;

    private final int cap;
    private final Comparator<? super K> tieBreak;
    private final Map<K, long[]> counts = new HashMap<>();
    private final long[] overflow = new long[CLASSES];

    KeyTally(int cap, Comparator<? super K> tieBreak) {
        this.cap = cap;
        this.tieBreak = tieBreak;
    }

    /** Counts one line; false when the key was not kept (the cap was reached) and went to "other". */
    boolean add(K key, FailureClass failureClass) {
        long[] row = counts.get(key);
        if (row == null) {
            if (counts.size() >= cap) {
                overflow[failureClass.ordinal()]++;
                return false;
            }
            row = new long[CLASSES];
            counts.put(key, row);
        }
        row[failureClass.ordinal()]++;
        return true;
    }

    /**
     * Adds every kept key's counts to {@code target} under {@code grouping}'s key, and this tally's "other" to the
     * target's when {@code withOther}. Copies: this tally stays as it was.
     */
    <G> void addGroupedTo(KeyTally<G> target, Function<K, G> grouping, boolean withOther) {
        if (withOther) {
            for (int i = 0; i < CLASSES; i++) {
                target.overflow[i] += overflow[i];
            }
        }
        counts.forEach((key, row) -> {
            G group = grouping.apply(key);
            long[] into = target.counts.get(group);
            if (into == null && target.counts.size() < target.cap) {
                into = new long[CLASSES];
                target.counts.put(group, into);
            }
            into = into == null ? target.overflow : into;
            for (int i = 0; i < CLASSES; i++) {
                into[i] += row[i];
            }
        });
    }

    /** Adds another tally's counts (which may not be used afterwards), keeping this one's cap. */
    void absorb(KeyTally<K> other) {
        for (Map.Entry<K, long[]> entry : other.counts.entrySet()) {
            long[] row = counts.get(entry.getKey());
            long[] target = row != null ? row : counts.size() < cap ? null : overflow;
            if (target == null) {
                counts.put(entry.getKey(), entry.getValue());
            } else {
                for (int i = 0; i < CLASSES; i++) {
                    target[i] += entry.getValue()[i];
                }
            }
        }
        for (int i = 0; i < CLASSES; i++) {
            overflow[i] += other.overflow[i];
        }
    }

    /** The {@code listed} keys with most failures (ties in key order), the rest folded into "other". */
    Breakdown<K> breakdown(int listed) {
        return breakdown(listed, key -> key);
    }

    /** As {@link #breakdown(int)}, with each listed key turned into {@code R}. */
    <R> Breakdown<R> breakdown(int listed, Function<K, R> keyOf) {
        List<Map.Entry<K, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<K, long[]> e) -> -sum(e.getValue()))
            .thenComparing(Map.Entry::getKey, tieBreak));
        Map<R, ClassCounts> kept = new LinkedHashMap<>();
        long[] other = overflow.clone();
        for (Map.Entry<K, long[]> entry : entries) {
            if (kept.size() < listed) {
                kept.put(keyOf.apply(entry.getKey()), ClassCounts.of(entry.getValue()));
            } else {
                for (int i = 0; i < CLASSES; i++) {
                    other[i] += entry.getValue()[i];
                }
            }
        }
        return new Breakdown<>(kept, ClassCounts.of(other));
    }

    private static long sum(long[] row) {
        long total = 0;
        for (long count : row) {
            total += count;
        }
        return total;
    }
}

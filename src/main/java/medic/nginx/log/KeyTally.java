package medic.nginx.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    void add(K key, FailureClass failureClass) {
        long[] row = counts.get(key);
        if (row == null) {
            if (counts.size() >= cap) {
                overflow[failureClass.ordinal()]++;
                return;
            }
            row = new long[CLASSES];
            counts.put(key, row);
        }
        row[failureClass.ordinal()]++;
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
        List<Map.Entry<K, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<K, long[]> e) -> -sum(e.getValue()))
            .thenComparing(Map.Entry::getKey, tieBreak));
        Map<K, ClassCounts> kept = new LinkedHashMap<>();
        long[] other = overflow.clone();
        for (Map.Entry<K, long[]> entry : entries) {
            if (kept.size() < listed) {
                kept.put(entry.getKey(), ClassCounts.of(entry.getValue()));
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

package medic.nginx.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Failure counts per key, most failures first, plus the counts of keys that were not kept (past the distinct-key
 * cap while scanning, or beyond the top N when the summary was built).
 */
public record Breakdown<K>(Map<K, ClassCounts> counts, ClassCounts other) {
    public Breakdown {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public ClassCounts get(K key) {
        return counts.getOrDefault(key, ClassCounts.EMPTY);
    }

    public ClassCounts total() {
        ClassCounts sum = other;
        for (ClassCounts value : counts.values()) {
            sum = sum.plus(value);
        }
        return sum;
    }

    /** Regroups the kept keys under {@code grouping}'s answer (a null answer becomes {@code unmatched}). */
    public <G> Breakdown<G> regroup(Function<? super K, ? extends G> grouping, G unmatched) {
        Map<G, ClassCounts> grouped = new LinkedHashMap<>();
        counts.forEach((key, value) -> {
            G group = grouping.apply(key);
            grouped.merge(group == null ? unmatched : group, value, ClassCounts::plus);
        });
        return new Breakdown<>(sortedByTotal(grouped), other);
    }

    static <K> Map<K, ClassCounts> sortedByTotal(Map<K, ClassCounts> counts) {
        Map<K, ClassCounts> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue().total(), a.getValue().total()))
            .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}

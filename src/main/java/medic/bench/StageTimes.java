package medic.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Milliseconds per stage and per timed run, and the median/p90/min summary a benchmark prints. */
final class StageTimes {
    private final int runs;
    private final Map<String, double[]> byStage = new LinkedHashMap<>();

    StageTimes(int runs) {
        this.runs = runs;
    }

    // Synchronized: the rules, timed one by one, run on several threads.
    synchronized void record(String stage, int run, double millis) {
        byStage.computeIfAbsent(stage, s -> new double[runs])[run] += millis;
    }

    /** A recorder for one run, for code that does not know the run's index. */
    Row at(int run) {
        return (stage, millis) -> record(stage, run, millis);
    }

    double[] of(String stage) {
        return byStage.getOrDefault(stage, new double[runs]);
    }

    /** Per-run sums over every stage. */
    double[] totals() {
        double[] sums = new double[runs];
        for (double[] stage : byStage.values()) {
            for (int i = 0; i < runs; i++) {
                sums[i] += stage[i];
            }
        }
        return sums;
    }

    /** The {@code n} stages with the largest medians, as "name median" pairs. */
    String slowest(int n) {
        return byStage.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), median(sorted(e.getValue()))))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static void print(String label, double[] millis) {
        double[] sorted = sorted(millis);
        int p90 = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.9) - 1);
        System.out.printf(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f%n", label, median(sorted), sorted[p90], sorted[0]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Where one run's stage times go. */
    interface Row {
        void record(String stage, double millis);
    }
}

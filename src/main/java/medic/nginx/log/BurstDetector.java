package medic.nginx.log;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds bursts of upstream failures. The baseline is the median of upstream failures per minute over every minute
 * the log spans, from its first to its last minute, quiet minutes counting as 0: an error log is silent while all
 * is well, so ignoring empty minutes would make a single incident its own baseline and hide it. A minute is in a
 * burst when its failures reach {@code max(10, 5 x baseline)} ({@link BurstRule#DEFAULT}); consecutive such
 * minutes form one {@link Burst}.
 */
public final class BurstDetector {
    private BurstDetector() {
    }

    /** {@code minutes} sorted by minute, as {@link LogSummary#perMinute()} returns them. */
    public static List<Burst> detect(List<MinuteCounts> minutes, BurstRule rule) {
        if (minutes.isEmpty()) {
            return List.of();
        }
        long threshold = rule.threshold(baseline(minutes));
        List<Burst> bursts = new ArrayList<>();
        List<MinuteCounts> run = new ArrayList<>();
        for (MinuteCounts minute : minutes) {
            boolean hot = minute.failures().upstreamFailures() >= threshold;
            boolean adjacent = !run.isEmpty()
                && run.get(run.size() - 1).minute().plusMinutes(1).equals(minute.minute());
            if (!run.isEmpty() && (!hot || !adjacent)) {
                bursts.add(burstOf(run, threshold));
                run.clear();
            }
            if (hot) {
                run.add(minute);
            }
        }
        if (!run.isEmpty()) {
            bursts.add(burstOf(run, threshold));
        }
        return List.copyOf(bursts);
    }

    /** Lower median of upstream failures per minute over the whole span, minutes missing from the list as 0. */
    static long baseline(List<MinuteCounts> minutes) {
        LocalDateTime first = minutes.get(0).minute();
        LocalDateTime last = minutes.get(minutes.size() - 1).minute();
        long span = ChronoUnit.MINUTES.between(first, last) + 1;
        long[] nonZero = minutes.stream().mapToLong(m -> m.failures().upstreamFailures()).filter(c -> c > 0).toArray();
        Arrays.sort(nonZero);
        long zeros = span - nonZero.length;
        long middle = (span - 1) / 2;
        return middle < zeros ? 0 : nonZero[(int) (middle - zeros)];
    }

    private static Burst burstOf(List<MinuteCounts> run, long threshold) {
        ClassCounts sum = ClassCounts.EMPTY;
        long peak = 0;
        for (MinuteCounts minute : run) {
            sum = sum.plus(minute.failures());
            peak = Math.max(peak, minute.failures().upstreamFailures());
        }
        return new Burst(run.get(0).minute(), run.get(run.size() - 1).minute().plusMinutes(1),
            sum.upstreamFailures(), peak, sum.dominant(), threshold);
    }
}

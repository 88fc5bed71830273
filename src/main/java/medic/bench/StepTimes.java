package medic.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import medic.runbook.run.RunResult;
import medic.runbook.run.StepResult;

/** Collects each step's elapsed time across runs, to show where a run's time goes. */
final class StepTimes {
    private final Map<String, List<Long>> nanosByStep = new LinkedHashMap<>();

    synchronized void add(RunResult result) {
        for (StepResult step : result.steps()) {
            nanosByStep.computeIfAbsent(step.stepId(), id -> new ArrayList<>()).add(step.elapsed().toNanos());
        }
    }

    synchronized String p50Summary() {
        return nanosByStep.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.1f", e.getKey(),
                Latencies.of(e.getValue().stream().mapToLong(Long::longValue).toArray()).percentileMillis(0.5)))
                .collect(Collectors.joining(" ", "", " ms"));
    }

    synchronized String p99Summary() {
        return nanosByStep.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.1f", e.getKey(),
                Latencies.of(e.getValue().stream().mapToLong(Long::longValue).toArray()).percentileMillis(0.99)))
                .collect(Collectors.joining(" ", "", " ms"));
    }
}

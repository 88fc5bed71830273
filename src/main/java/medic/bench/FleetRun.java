package medic.bench;

import medic.runbook.run.RunResult;

/** Checks of a benchmark's runbook run: it must reach the diagnosis, or the timing means nothing. */
final class FleetRun {
    private FleetRun() {
    }

    static RunResult require(RunResult result) {
        if (!succeeded(result)) {
            throw new IllegalStateException("run failed: " + result.failure() + " " + result.steps());
        }
        return result;
    }

    static boolean succeeded(RunResult result) {
        return result.outcome() != RunResult.Outcome.FAILED && result.diagnosis() != null;
    }
}

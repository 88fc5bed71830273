package medic.bench;

import medic.runbook.run.RunResult;

/** Checks of a benchmark's runbook run: a failed run (unreachable, nginx refused) must not count as timed. */
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
        return result.outcome() != RunResult.Outcome.FAILED;
    }

    static int findings(RunResult result) {
        return result.diagnosis() == null ? 0 : result.diagnosis().findings().size();
    }
}

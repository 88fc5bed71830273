package medic.runbook.run;

import java.util.List;
import medic.nginx.Diagnosis;
import medic.nginx.model.NginxVersion;

/**
 * What a runbook run produced: every step's result, the nginx version and diagnosis when those steps ran,
 * and why it stopped. {@code retryable} is true when it failed on a transient cause (unreachable, timeout).
 */
public record RunResult(Outcome outcome, List<StepResult> steps, NginxVersion version, Diagnosis diagnosis,
                        String failure, boolean retryable) {
    /** Where a run stopped. */
    public enum Outcome { COMPLETED, AWAITING_APPROVAL, FAILED }

    public RunResult {
        steps = List.copyOf(steps);
    }

    /** A run that stopped before any step could say more than {@code reason}. */
    public static RunResult failed(String reason) {
        return new RunResult(Outcome.FAILED, List.of(), null, null, reason, false);
    }
}

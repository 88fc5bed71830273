package medic.runbook.run;

import java.time.Duration;
import medic.runbook.StepKind;

/**
 * How one runbook step ended. Output is already redacted: a step result may be stored, posted or printed.
 * {@code exitCode} is null for steps medic performs itself.
 */
public record StepResult(String stepId, StepKind kind, Status status, Integer exitCode, String stdout, String stderr,
                         boolean truncated, Duration elapsed, String failure) {
    /** The states a step ends in. */
    public enum Status { SUCCEEDED, FAILED, SKIPPED, AWAITING_APPROVAL }
}

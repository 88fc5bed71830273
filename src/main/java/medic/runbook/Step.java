package medic.runbook;

import java.time.Duration;

/** One step of a runbook, validated when the file was loaded. */
public sealed interface Step permits CommandStep, ErrorLogStep, BuiltinStep {
    /** Unique within its runbook; names the step in messages and in the run's record. */
    String id();

    StepKind kind();

    /** What the step is for, in the author's words; "" when none was written. */
    String description();

    Duration timeout();

    OnFailure onFailure();

    /** True when the step may change the host; such steps run only after an approval gate. */
    boolean mutating();
}

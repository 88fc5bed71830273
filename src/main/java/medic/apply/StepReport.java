package medic.apply;

import java.time.Duration;

/**
 * One step as it happens: STARTED, then PASSED or FAILED with how long it took, a sentence for people and the
 * command output (redacted) where there is one.
 */
public record StepReport(long changeId, String host, ApplyStep step, Status status, String message, String output,
                         Duration elapsed) {
    public enum Status { STARTED, PASSED, FAILED }
}

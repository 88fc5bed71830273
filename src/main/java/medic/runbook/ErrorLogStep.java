package medic.runbook;

import java.time.Duration;

/** The built-in excerpt of the host's error logs: a time window or the last lines, optionally filtered. */
public record ErrorLogStep(String id, String description, LogWindow window, LogFilter filter, Duration timeout,
                           OnFailure onFailure) implements Step {
    @Override
    public StepKind kind() {
        return StepKind.ERROR_LOG;
    }

    @Override
    public boolean mutating() {
        return false;
    }
}

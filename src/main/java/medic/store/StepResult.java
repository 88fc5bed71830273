package medic.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished step of a run. The caller redacts the output before it gets here; the store keeps text as given.
 *
 * @param index    position in the runbook, from 0
 * @param kind     what sort of step, e.g. {@code command}, {@code nginx-T}, {@code diagnosis}
 * @param exitCode the remote command's exit status; null for steps that run no command
 */
public record StepResult(int index, String name, String kind, StepStatus status, Integer exitCode, String stdout,
        String stderr, Instant startedAt, Instant finishedAt) {

    public StepResult {
        if (index < 0) {
            throw new IllegalArgumentException("step index must be 0 or more, got " + index);
        }
        NewRun.requireText(name, "step name", 200);
        NewRun.requireText(kind, "step kind", 64);
        Objects.requireNonNull(status, "status");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}

package medic.runbook;

import java.time.Duration;

/**
 * A command the runbook author wrote, templated from inventory values only. With {@code sudo} it runs as
 * {@code <host sudo prefix> /bin/sh -c '<command>'}. Non-mutating unless the author declares otherwise.
 */
public record CommandStep(String id, String description, CommandTemplate run, boolean sudo, boolean mutating,
                          Duration timeout, OnFailure onFailure) implements Step {
    @Override
    public StepKind kind() {
        return StepKind.COMMAND;
    }
}

package medic.runbook;

import java.time.Duration;

/**
 * A built-in step without options: nginx_version, nginx_dump, nginx_test, diagnose, propose or approval_gate.
 * None of them changes the host.
 */
public record BuiltinStep(String id, StepKind kind, String description, Duration timeout, OnFailure onFailure)
        implements Step {
    public BuiltinStep {
        if (kind == StepKind.COMMAND || kind == StepKind.ERROR_LOG) {
            throw new IllegalArgumentException(kind.yamlName() + " steps have their own record type");
        }
    }

    @Override
    public boolean mutating() {
        return false;
    }
}

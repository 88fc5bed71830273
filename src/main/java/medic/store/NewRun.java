package medic.store;

import java.util.Objects;

/**
 * A run to create: which runbook on which host, why, and whether it changes the host (at most one mutating run
 * per host runs at a time).
 */
public record NewRun(String runbook, String host, RunTrigger trigger, boolean mutating) {

    public NewRun {
        requireText(runbook, "runbook", 200);
        requireText(host, "host", 255);
        Objects.requireNonNull(trigger, "trigger");
    }

    static void requireText(String value, String field, int maximumLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maximumLength) {
            throw new IllegalArgumentException(field + " longer than " + maximumLength + " characters: " + value.length());
        }
    }
}

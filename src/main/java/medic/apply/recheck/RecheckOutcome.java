package medic.apply.recheck;

import java.util.List;

/** The error-log recheck after a change: resolved when no upstream failure was logged since, else reopened. */
public record RecheckOutcome(long changeId, String host, boolean resolved, int failures, List<String> samples) {
    public RecheckOutcome {
        samples = List.copyOf(samples);
    }
}

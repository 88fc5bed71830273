package medic.apply;

import java.util.List;

/** How an apply, rollback or recovery of one change ended, with every step it reported. */
public record ApplyResult(long changeId, String host, ChangeState state, String message, List<StepReport> steps) {
    public ApplyResult {
        steps = List.copyOf(steps);
    }

    public boolean applied() {
        return state == ChangeState.APPLIED;
    }
}

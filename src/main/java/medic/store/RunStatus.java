package medic.store;

/** Where a runbook run stands; INTERRUPTED means medic stopped (crash, restart) while it was running. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    /** True once the run has ended, whether by itself or by an interruption. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}

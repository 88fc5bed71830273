package medic.store;

/** How one step of a run ended. */
public enum StepStatus {
    SUCCEEDED, FAILED, SKIPPED
}

package medic.store;

/** A step as stored: the run and the attempt of that run it belongs to. */
public record RecordedStep(long runId, int attempt, StepResult step) {
}

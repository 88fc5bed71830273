package medic.runbook.run;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import medic.store.Run;
import medic.store.RunStore;
import medic.store.StepStatus;

/** Stores each step of one attempt of a run as it ends, then tells the observer. */
final class StepRecorder implements RunbookRunner.Listener {
    private final RunStore store;
    private final Run run;
    private final Clock clock;
    private final ObserverCalls observer;
    private final AtomicInteger index = new AtomicInteger();

    StepRecorder(RunStore store, Run run, Clock clock, ObserverCalls observer) {
        this.store = store;
        this.run = run;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void stepFinished(StepResult step) {
        Instant finished = clock.instant();
        store.recordStep(run.id(), new medic.store.StepResult(index.getAndIncrement(), step.stepId(),
                step.kind().yamlName(), status(step), step.exitCode(), step.stdout(),
                step.failure() == null ? step.stderr() : step.failure() + "\n" + step.stderr(),
                finished.minus(step.elapsed()), finished));
        observer.stepFinished(run, step);
    }

    private static StepStatus status(StepResult step) {
        return switch (step.status()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case FAILED -> StepStatus.FAILED;
            case SKIPPED, AWAITING_APPROVAL -> StepStatus.SKIPPED;
        };
    }
}

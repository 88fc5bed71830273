package medic.runbook.run;

import medic.store.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link RunObserver} so that its failures are logged and never change the run. */
final class ObserverCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ObserverCalls.class);

    private final RunObserver observer;

    ObserverCalls(RunObserver observer) {
        this.observer = observer;
    }

    void stepFinished(Run run, StepResult step) {
        try {
            observer.stepFinished(run, step);
        } catch (RuntimeException e) {
            LOG.error("run {} on {}: the run observer failed on step {} (the step is stored; the run goes on): {}",
                    run.id(), run.host(), step.stepId(), e.toString(), e);
        }
    }

    void runEnded(Run run, RunResult result) {
        try {
            observer.runEnded(run, result);
        } catch (RuntimeException e) {
            LOG.error("run {} on {}: the run observer failed on its end ({}, stored as {}): {}",
                    run.id(), run.host(), result.outcome(), run.status(), e.toString(), e);
        }
    }
}

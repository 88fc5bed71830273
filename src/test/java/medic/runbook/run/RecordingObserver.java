package medic.runbook.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import medic.store.Run;

/** A run observer that keeps what it heard, optionally failing on every call, and lets a test await a run's end. */
final class RecordingObserver implements RunObserver {
    /** One step as heard: the attempt it was told with, and the step. */
    record HeardStep(long runId, int attempt, StepResult step) {
    }

    /** One end as heard. */
    record HeardEnd(Run run, RunResult result) {
    }

    final List<HeardStep> steps = new CopyOnWriteArrayList<>();
    final List<HeardEnd> ends = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final boolean failing;

    RecordingObserver(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void stepFinished(Run run, StepResult step) {
        steps.add(new HeardStep(run.id(), run.attempt(), step));
        if (failing) {
            throw new IllegalStateException("observer broke on step " + step.stepId());
        }
    }

    @Override
    public void runEnded(Run run, RunResult result) {
        ends.add(new HeardEnd(run, result));
        ended.countDown();
        if (failing) {
            throw new IllegalStateException("observer broke on the end of run " + run.id());
        }
    }

    HeardEnd awaitEnd(Duration timeout) throws InterruptedException {
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no run ended within " + timeout + "; steps heard: " + steps);
        }
        return ends.get(0);
    }
}

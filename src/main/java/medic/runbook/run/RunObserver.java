package medic.runbook.run;

import medic.store.Run;

/**
 * Told how runbook runs progress, e.g. by the incident flow to post each step to the incident's thread and act on
 * the diagnosis. Calls come on the job's thread, after the database has the step or the outcome; an exception
 * thrown here is logged and does not change the run.
 */
public interface RunObserver {
    /** Observes nothing. */
    RunObserver NONE = new RunObserver() {
        @Override
        public void stepFinished(Run run, StepResult step) {
        }

        @Override
        public void runEnded(Run run, RunResult result) {
        }
    };

    /**
     * A step ended and is stored. {@code run} is RUNNING; {@code run.attempt()} says which attempt the step belongs
     * to (2 and up after a retry or a crash recovery, which run every step again).
     */
    void stepFinished(Run run, StepResult step);

    /**
     * A run ended: {@code run} as stored (SUCCEEDED, also when the result stops at the approval gate; FAILED; or
     * INTERRUPTED when a sweep found nobody left to continue it). Not called when a failed attempt is retried later.
     */
    void runEnded(Run run, RunResult result);
}

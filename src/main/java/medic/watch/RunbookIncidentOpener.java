package medic.watch;

import medic.runbook.run.RunbookJobs;
import medic.store.RunTrigger;

/** The real incident: a run of the policy's runbook on the host, triggered by the watcher. */
public final class RunbookIncidentOpener implements IncidentOpener {
    private final RunbookJobs jobs;
    private final String runbook;

    public RunbookIncidentOpener(RunbookJobs jobs, String runbook) {
        this.jobs = jobs;
        this.runbook = runbook;
    }

    @Override
    public void open(String host, String reason) {
        jobs.submit(runbook, host, RunTrigger.watcher(reason.length() > 500 ? reason.substring(0, 500) : reason));
    }
}

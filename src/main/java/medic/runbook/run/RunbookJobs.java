package medic.runbook.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import medic.MedicException;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.RemoteHost;
import medic.runbook.Runbook;
import medic.runbook.RunbookCatalog;
import medic.runbook.Step;
import medic.schedule.Scheduler;
import medic.schedule.Task;
import medic.schedule.TaskRun;
import medic.store.NewRun;
import medic.store.Run;
import medic.store.RunStart;
import medic.store.RunStatus;
import medic.store.RunStore;
import medic.store.RunTrigger;
import medic.store.StepStatus;

/**
 * Runbook runs as recoverable scheduled jobs: a run is persisted before it is scheduled, each step is stored as
 * it ends, at most one mutating run holds a host (the database decides), a job re-run after a crash takes its run
 * over again, and transient failures (unreachable, timeout) are retried with exponential backoff.
 */
public final class RunbookJobs {
    public static final String TASK = "runbook-run";
    static final int MAX_ATTEMPTS = 3;

    private final RunStore store;
    private final Inventory inventory;
    private final RunbookCatalog runbooks;
    private final HostConnections connections;
    private final BackendFacts facts;
    private final Duration backoff;
    private final Clock clock;
    private volatile Scheduler scheduler;

    public RunbookJobs(RunStore store, Inventory inventory, RunbookCatalog runbooks, HostConnections connections,
                       BackendFacts facts, Duration backoff, Clock clock) {
        this.store = store;
        this.inventory = inventory;
        this.runbooks = runbooks;
        this.connections = connections;
        this.facts = facts;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** The task to register with the scheduler under {@link #TASK}. */
    public Task task() {
        return this::execute;
    }

    /** Connects to the running scheduler (tasks are registered before it starts, so this comes after). */
    public void attach(Scheduler running) {
        this.scheduler = running;
    }

    /** Persists a run of {@code runbook} on {@code host} and schedules it now. */
    public Run submit(String runbookName, String hostName, RunTrigger trigger) {
        Runbook runbook = runbook(runbookName);
        host(hostName);
        Run run = store.createRun(new NewRun(runbook.name(), hostName, trigger,
                runbook.steps().stream().anyMatch(Step::mutating)));
        schedule(run.id(), "start", clock.instant());
        return run;
    }

    private void execute(TaskRun job) {
        long runId = Long.parseLong(job.data().get("run"));
        Run run = store.run(runId).orElseThrow(() -> new MedicException("run " + runId + " is not in the database"));
        if (run.status().isFinished()) {
            return;
        }
        RunStart start = run.status() == RunStatus.QUEUED ? store.startRun(runId, job.instanceId())
                : store.resumeRun(runId, job.instanceId());
        if (start instanceof RunStart.HostBusy busy) {
            schedule(runId, "wait-" + busy.heldByRunId(), clock.instant().plus(backoff));
            return;
        }
        int attempt = ((RunStart.Started) start).run().attempt();
        RunResult result = runOnHost(run, attempt);
        if (result.outcome() == RunResult.Outcome.FAILED && result.retryable() && attempt < MAX_ATTEMPTS) {
            schedule(runId, "retry-" + (attempt + 1), clock.instant().plus(backoff.multipliedBy(1L << (attempt - 1))));
            return;
        }
        store.finishRun(runId, result.outcome() == RunResult.Outcome.FAILED ? RunStatus.FAILED : RunStatus.SUCCEEDED,
                result.failure() == null ? null : result.failure()
                        + (result.retryable() ? " (gave up after " + attempt + " attempts)" : ""));
    }

    private RunResult runOnHost(Run run, int attempt) {
        HostEntry host = host(run.host());
        AtomicInteger index = new AtomicInteger();
        RunbookRunner.Listener record = step -> {
            Instant finished = clock.instant();
            store.recordStep(run.id(), new medic.store.StepResult(index.getAndIncrement(), step.stepId(),
                    step.kind().yamlName(), status(step), step.exitCode(), step.stdout(),
                    step.failure() == null ? step.stderr() : step.failure() + "\n" + step.stderr(),
                    finished.minus(step.elapsed()), finished));
        };
        try (RemoteHost remote = connections.open(host)) {
            return new RunbookRunner(clock).run(runbook(run.runbook()), host, remote, facts, record);
        }
    }

    private static StepStatus status(StepResult step) {
        return switch (step.status()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case FAILED -> StepStatus.FAILED;
            case SKIPPED, AWAITING_APPROVAL -> StepStatus.SKIPPED;
        };
    }

    private void schedule(long runId, String why, Instant at) {
        if (scheduler == null) {
            throw new IllegalStateException("RunbookJobs.attach(scheduler) was not called");
        }
        scheduler.scheduleOnce("run-" + runId + "-" + why, TASK, Map.of("run", String.valueOf(runId)), at);
    }

    private Runbook runbook(String name) {
        return runbooks.named(name).orElseThrow(() -> new MedicException("runbook " + name + " is not loaded"));
    }

    private HostEntry host(String name) {
        return inventory.host(name).orElseThrow(() -> new MedicException("host " + name + " is not in the inventory"));
    }
}

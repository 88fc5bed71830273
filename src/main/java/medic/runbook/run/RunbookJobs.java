package medic.runbook.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/**
 * Runbook runs as recoverable scheduled jobs: a run is persisted before it is scheduled, each step is stored as
 * it ends, at most one mutating run holds a host (the database decides), a job re-run after a crash takes its run
 * over again under the next attempt, and transient failures (unreachable, timeout) are retried with exponential
 * backoff. A {@link RunObserver} hears every stored step and every end.
 */
public final class RunbookJobs {
    public static final String TASK = "runbook-run";
    /** The task that interrupts runs nobody will continue; see {@link #sweepAbandoned()}. */
    public static final String SWEEP_TASK = "runbook-sweep";
    /** Every job of run N is named {@code run-N-<why>}: the sweep finds a run's jobs by this prefix. */
    static final String JOB_PREFIX = "run-";
    static final int MAX_ATTEMPTS = 3;

    private final RunStore store;
    private final Inventory inventory;
    private final RunbookCatalog runbooks;
    private final HostConnections connections;
    private final BackendFacts facts;
    private final Duration backoff;
    private final Clock clock;
    private volatile RunbookRunner runner;
    private volatile ObserverCalls observer = new ObserverCalls(RunObserver.NONE);
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
        this.runner = new RunbookRunner(clock);
    }

    /** Tells {@code runObserver} about every step and end from now on (set it before the scheduler starts). */
    public RunbookJobs observedBy(RunObserver runObserver) {
        this.observer = new ObserverCalls(runObserver);
        return this;
    }

    /** Measures the backends' idle timeouts from the nginx host before each diagnosis (rule KA02 uses them). */
    public RunbookJobs probingBackends(UpstreamIdleProbes probes) {
        this.runner = new RunbookRunner(clock, probes);
        return this;
    }

    /** The task to register with the scheduler under {@link #TASK}. */
    public Task task() {
        return this::execute;
    }

    /** Both tasks by name, for {@link Scheduler#start}: {@link #TASK} and {@link #SWEEP_TASK}. */
    public Map<String, Task> tasks() {
        return Map.of(TASK, task(), SWEEP_TASK, run -> sweepAbandoned());
    }

    /** Connects to the running scheduler (tasks are registered before it starts, so this comes after). */
    public void attach(Scheduler running) {
        this.scheduler = running;
    }

    /** Runs {@link #sweepAbandoned()} every {@code interval} (needs {@link #SWEEP_TASK} registered). */
    public void scheduleSweep(Duration interval) {
        requireScheduler().scheduleRepeating(SWEEP_TASK, SWEEP_TASK, Map.of(), interval);
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

    /**
     * Interrupts the runs no job will continue (their job is gone from the scheduler, e.g. it ended on an error
     * medic did not expect, and their runner is not a live replica) and tells the observer. Safe with several
     * replicas: a run a live peer runs, or a job a peer is about to recover, is left alone.
     */
    public List<Run> sweepAbandoned() {
        List<Run> interrupted = store.interruptAbandoned("no medic instance is running this run any more and no job"
                + " will resume it; submit it again", JOB_PREFIX);
        for (Run run : interrupted) {
            observer.runEnded(run, RunResult.failed(run.failureReason()));
        }
        return interrupted;
    }

    private void execute(TaskRun job) {
        long runId = Long.parseLong(job.data().get("run"));
        Run run = store.run(runId).orElseThrow(() -> new MedicException("run " + runId + " is not in the database"));
        if (run.status().isFinished()) {
            return;
        }
        String unresumable = job.recovering() ? whyNotResumable(run) : null;
        if (unresumable != null) {
            end(store.finishRun(runId, RunStatus.FAILED, unresumable), RunResult.failed(unresumable));
            return;
        }
        RunStart start = run.status() == RunStatus.QUEUED ? store.startRun(runId, job.instanceId())
                : store.resumeRun(runId, job.instanceId());
        if (start instanceof RunStart.HostBusy busy) {
            schedule(runId, "wait-" + busy.heldByRunId() + "-" + clock.millis(), clock.instant().plus(backoff));
            return;
        }
        Run started = ((RunStart.Started) start).run();
        int attempt = started.attempt();
        RunResult result = runOnHost(started);
        if (result.outcome() == RunResult.Outcome.FAILED && result.retryable() && attempt < MAX_ATTEMPTS) {
            schedule(runId, "retry-" + (attempt + 1), clock.instant().plus(backoff.multipliedBy(1L << (attempt - 1))));
            return;
        }
        boolean failed = result.outcome() == RunResult.Outcome.FAILED;
        end(store.finishRun(runId, failed ? RunStatus.FAILED : RunStatus.SUCCEEDED, !failed ? null
                : result.failure() + (result.retryable() ? " (gave up after " + attempt + " attempts)" : "")), result);
    }

    /** Why a run a crash cut off is not run again, or null when it is resumed. */
    private String whyNotResumable(Run run) {
        String cutOff = "medic stopped while running attempt " + run.attempt() + " of this run (instance "
                + run.runner() + ")";
        if (run.attempt() >= MAX_ATTEMPTS) {
            return cutOff + "; not resumed after " + run.attempt() + " attempts: look at the last recorded step,"
                    + " then submit the run again";
        }
        if (runbooks.named(run.runbook()).isEmpty()) {
            return cutOff + "; cannot resume: runbook " + run.runbook() + " is no longer loaded";
        }
        if (inventory.host(run.host()).isEmpty()) {
            return cutOff + "; cannot resume: host " + run.host() + " is no longer in the inventory";
        }
        return null;
    }

    private RunResult runOnHost(Run run) {
        StepRecorder recorder = new StepRecorder(store, run, clock, observer);
        try (RemoteHost remote = connections.open(host(run.host()))) {
            return runner.run(runbook(run.runbook()), host(run.host()), remote, facts, recorder);
        } catch (RuntimeException e) {
            // Anything unforeseen ends the run with its cause rather than leaving it RUNNING.
            return RunResult.failed(run.host() + ": run " + run.id() + " of " + run.runbook() + " stopped on an"
                    + " unexpected error: " + e);
        }
    }

    private void end(Run finished, RunResult result) {
        observer.runEnded(finished, result);
    }

    private void schedule(long runId, String why, Instant at) {
        requireScheduler().scheduleOnce(JOB_PREFIX + runId + "-" + why, TASK, Map.of("run", String.valueOf(runId)), at);
    }

    private Scheduler requireScheduler() {
        if (scheduler == null) {
            throw new IllegalStateException("RunbookJobs.attach(scheduler) was not called");
        }
        return scheduler;
    }

    private Runbook runbook(String name) {
        return runbooks.named(name).orElseThrow(() -> new MedicException("runbook " + name + " is not loaded"));
    }

    private HostEntry host(String name) {
        return inventory.host(name).orElseThrow(() -> new MedicException("host " + name + " is not in the inventory"));
    }
}

package medic.apply;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import medic.apply.StepRecorder.Outcome;
import medic.apply.StepReport.Status;
import medic.apply.probe.Probe;
import medic.apply.probe.ProbeResult;
import medic.store.Database;

/**
 * Applies an approved change to its host, top to bottom: lock the host, circuit breaker, drift check, backup,
 * atomic writes, {@code nginx -t}, reload, verify; on a failed test, reload or verify it restores the backups,
 * proves them with {@code nginx -t} and reloads. Every state is journalled first, so a process killed at any
 * point leaves work that {@link #recoverInterrupted} finishes by restoring.
 */
public final class Applier {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ChangeJournal journal;
    private final Restorer restorer;
    private final ApprovedRecovery approved;
    private final Proposals proposals;
    private final AuditLog audit;
    private final CircuitBreaker breaker;
    private final ApplyHost.Opener hosts;
    private final FaultInjection faults;
    private final Clock clock;
    private final String holder;

    /**
     * @param holder names this process in the host locks (a replica's instance id)
     */
    public Applier(Database database, AuditLog audit, Proposals proposals, CircuitBreaker breaker,
            ApplyHost.Opener hosts, FaultInjection faults, Clock clock, String holder) {
        this.journal = new ChangeJournal(database);
        this.restorer = new Restorer(journal, faults, clock);
        this.approved = new ApprovedRecovery(journal, restorer, clock);
        this.proposals = proposals;
        this.audit = audit;
        this.breaker = breaker;
        this.hosts = hosts;
        this.faults = faults;
        this.clock = clock;
        this.holder = holder;
    }

    /** The journal entry of a change, for status messages. */
    public Optional<Change> change(long changeId) {
        return journal.find(changeId);
    }

    /** Applies change {@code changeId} (APPROVED) and verifies it with {@code probes}. */
    public ApplyResult apply(long changeId, List<Probe> probes, StepListener listener) {
        Change change = journal.require(changeId);
        SealedProposal proposal = proposals.find(change.proposalId()).orElseThrow();
        StepRecorder steps = new StepRecorder(change, proposal.diffSha256(), listener, audit, clock);
        if (change.state() != ChangeState.APPROVED) {
            steps.note(ApplyStep.LOCK, Status.FAILED, "change " + changeId + " is " + change.state() + ", not APPROVED;"
                    + " it is applied once");
            return result(change, change.state(), "change " + changeId + " is already " + change.state(), steps);
        }
        Outcome locked = steps.step(ApplyStep.LOCK, "locking " + change.host(), () -> journal.lock(change.host(),
                changeId, holder, clock.instant()) ? Outcome.pass("locked " + change.host())
                : Outcome.fail(change.host() + " is busy with change " + journal.lockHolder(change.host())
                        .map(String::valueOf).orElse("(just finished)") + "; try again when it is done"));
        if (!locked.passed()) {
            return result(change, ChangeState.APPROVED, locked.message(), steps);
        }
        try (ApplyHost host = hosts.open(change.host())) {
            faults.at(FaultPoint.AFTER_LOCK);
            return applyLocked(change, proposal, host, probes, steps);
        } finally {
            journal.unlock(change.host(), changeId);
        }
    }

    private ApplyResult applyLocked(Change change, SealedProposal proposal, ApplyHost host, List<Probe> probes,
            StepRecorder steps) {
        long id = change.id();
        Outcome admitted = steps.step(ApplyStep.CIRCUIT_BREAKER, "checking the apply limits", () -> breaker
                .admit(id, change.host(), clock.instant()).map(Outcome::fail).orElse(Outcome.pass("within limits")));
        if (!admitted.passed()) {
            return refuse(change, admitted.message(), steps);
        }
        HostFiles files = new HostFiles(host);
        Outcome drift = steps.step(ApplyStep.DRIFT_CHECK, "re-reading " + proposal.files().size() + " file(s)",
                () -> files.drift(proposal.files()).map(Outcome::fail).orElse(Outcome.pass("no drift")));
        if (!drift.passed()) {
            return refuse(change, drift.message(), steps);
        }
        String suffix = SUFFIX.format(clock.instant()) + "-c" + id;
        steps.step(ApplyStep.BACKUP, "backing up on the host and in the database", () -> {
            List<Backup> backups = files.backUp(proposal.files(), suffix);
            if (!journal.saveBackups(id, suffix, backups, clock.instant())) {
                throw new ApplyException("change " + id + " was moved by someone else while it was backed up");
            }
            return Outcome.pass("backed up " + String.join(", ", backups.stream().map(Backup::hostCopy).toList()));
        });
        faults.at(FaultPoint.AFTER_BACKUP);
        move(id, ChangeState.BACKED_UP, ChangeState.WRITING, "writing");
        try {
            steps.step(ApplyStep.WRITE, "writing " + proposal.files().size() + " file(s) atomically", () -> {
                for (int i = 0; i < proposal.files().size(); i++) {
                    files.write(proposal.files().get(i));
                    if (i == 0 && proposal.files().size() > 1) {
                        faults.at(FaultPoint.MID_WRITE);
                    }
                }
                return Outcome.pass("wrote " + String.join(", ", proposal.files().stream().map(SealedFile::path).toList()));
            });
            faults.at(FaultPoint.AFTER_WRITE);
            Outcome tested = steps.step(ApplyStep.NGINX_TEST, "nginx -t", () -> Outcome.of(NginxCommands.test(host),
                    "the new config passes nginx -t", "nginx -t rejects the new config"));
            if (!tested.passed()) {
                return restorer.restore(change, proposal, host, steps, ChangeState.WRITING, ChangeState.RESTORED,
                        false, "nginx -t rejected the change: " + tested.output());
            }
            move(id, ChangeState.WRITING, ChangeState.TESTED, "passed nginx -t");
            faults.at(FaultPoint.AFTER_TEST);
            Outcome reloaded = steps.step(ApplyStep.RELOAD, "reloading nginx", () -> Outcome.of(
                    NginxCommands.reload(host), "reloaded", "the reload failed"));
            if (!reloaded.passed()) {
                return restorer.restore(change, proposal, host, steps, ChangeState.TESTED, ChangeState.RESTORED,
                        true, "the reload failed: " + reloaded.output());
            }
            move(id, ChangeState.TESTED, ChangeState.RELOADED, "reloaded");
            faults.at(FaultPoint.AFTER_RELOAD);
            Outcome verified = steps.step(ApplyStep.VERIFY, "running " + probes.size() + " probe(s)", () -> verify(probes));
            if (!verified.passed()) {
                return restorer.restore(change, proposal, host, steps, ChangeState.RELOADED, ChangeState.RESTORED,
                        true, "verification failed: " + verified.message());
            }
            faults.at(FaultPoint.AFTER_VERIFY);
            move(id, ChangeState.RELOADED, ChangeState.APPLIED, "applied and verified");
            steps.note(ApplyStep.DONE, Status.PASSED, "change " + id + " applied to " + change.host() + "; roll back"
                    + " with /medic rollback " + id);
            return result(change, ChangeState.APPLIED, "applied and verified", steps);
        } catch (RuntimeException e) {
            ChangeState now = journal.require(id).state();
            if (!now.filesMayDiffer()) {
                throw e;
            }
            return restorer.restore(change, proposal, host, steps, now, ChangeState.RESTORED,
                    now != ChangeState.WRITING, "the apply broke off: " + e.getMessage());
        }
    }

    /** Rolls back an APPLIED change: restore its backups, nginx -t, reload. */
    public ApplyResult rollback(long changeId, String actor, StepListener listener) {
        Change change = journal.require(changeId);
        SealedProposal proposal = proposals.find(change.proposalId()).orElseThrow();
        StepRecorder steps = new StepRecorder(change, proposal.diffSha256(), listener, audit, clock);
        audit.record(clock.instant(), actor, change.host(), change.proposalId(), changeId, proposal.diffSha256(),
                "ROLLBACK_REQUESTED", actor + " asked to roll back change " + changeId);
        if (change.state() != ChangeState.APPLIED) {
            String why = notRollingBack(changeId, change.state());
            steps.note(ApplyStep.LOCK, Status.FAILED, why);
            return result(change, change.state(), why, steps);
        }
        if (!journal.lock(change.host(), changeId, holder, clock.instant())) {
            // Another replica (or job) works on the host: its lock stays, nothing here touches the files.
            String busy = change.host() + " is busy" + journal.lockHolder(change.host()).map(id -> " with change " + id)
                    .orElse("") + "; try again when it is done";
            steps.note(ApplyStep.LOCK, Status.FAILED, busy);
            return result(change, change.state(), busy, steps);
        }
        try (ApplyHost host = hosts.open(change.host())) {
            Optional<String> edited = new HostFiles(host).changedSinceApply(proposal.files(), journal.backups(changeId));
            if (edited.isPresent()) {
                steps.note(ApplyStep.DRIFT_CHECK, Status.FAILED, edited.get());
                return result(change, change.state(), edited.get(), steps);
            }
            move(changeId, ChangeState.APPLIED, ChangeState.ROLLING_BACK, "rolling back for " + actor);
            return restorer.restore(change, proposal, host, steps, ChangeState.ROLLING_BACK,
                    ChangeState.ROLLED_BACK, true, "rolled back by " + actor);
        } finally {
            journal.unlock(change.host(), changeId);
        }
    }

    /** Why a change in {@code state} is not rolled back now (another request may be rolling it back already). */
    private static String notRollingBack(long changeId, ChangeState state) {
        return switch (state) {
            case ROLLING_BACK -> "change " + changeId + " is being rolled back already (by another request); its"
                    + " steps follow in the incident's thread";
            case ROLLED_BACK -> "change " + changeId + " was rolled back already";
            default -> "change " + changeId + " is " + state + "; only an APPLIED change can be rolled back";
        };
    }

    /**
     * Finishes every change a dead process left in a working state: restores its backups, proves them with
     * {@code nginx -t} and reloads when a reload may have happened. Changes never started are left APPROVED
     * (their lock released); an APPROVED change whose files changed all the same is restored from host backups
     * proven by sha256 (see {@link ApprovedRecovery}). Call at start-up of a single instance, or per change from a
     * recovered job.
     */
    public List<ApplyResult> recoverInterrupted(StepListener listener) {
        List<ApplyResult> results = new ArrayList<>();
        for (Change change : journal.unfinished()) {
            results.add(recover(change.id(), listener));
        }
        return results;
    }

    /** Recovers one change (see {@link #recoverInterrupted}). */
    public ApplyResult recover(long changeId, StepListener listener) {
        Change change = journal.require(changeId);
        SealedProposal proposal = proposals.find(change.proposalId()).orElseThrow();
        StepRecorder steps = new StepRecorder(change, proposal.diffSha256(), listener, audit, clock);
        if (change.state().isTerminal()) {
            return result(change, change.state(), "nothing to recover", steps);
        }
        if (!journal.relock(change.host(), changeId, holder, clock.instant())) {
            steps.note(ApplyStep.LOCK, Status.FAILED, change.host() + " is locked by another change");
            return result(change, change.state(), "locked by another change", steps);
        }
        try {
            steps.event("RECOVERY_FOUND", "found change " + changeId + " in state " + change.state() + " (since "
                    + change.updatedAt() + "): " + change.state().leftByAnInterruption());
            if (change.state() == ChangeState.APPROVED) {
                return approved.recover(change, proposal, hosts, steps);
            }
            try (ApplyHost host = hosts.open(change.host())) {
                // From BACKED_UP too the files are compared with their backups rather than trusted untouched: each
                // state is committed before the step it announces, but H2 may reopen after a kill without its newest
                // commits (CrashRecoveryTest saw BACKED_UP after the first file was written). Comparing costs a read
                // per file and rewrites nothing that still holds its backup; see Restorer for the reload.
                boolean reload = change.state() != ChangeState.WRITING && change.state() != ChangeState.BACKED_UP;
                return restorer.restore(change, proposal, host, steps, change.state(), ChangeState.RECOVERED, reload,
                        "recovered after an interruption in state " + change.state());
            }
        } finally {
            journal.unlock(change.host(), changeId);
        }
    }

    private ApplyResult refuse(Change change, String why, StepRecorder steps) {
        move(change.id(), ChangeState.APPROVED, ChangeState.REFUSED, why);
        steps.note(ApplyStep.DONE, Status.FAILED, "refused: " + why);
        return result(change, ChangeState.REFUSED, why, steps);
    }

    private static Outcome verify(List<Probe> probes) {
        List<String> lines = new ArrayList<>();
        for (Probe probe : probes) {
            ProbeResult result = probe.run();
            lines.add(result.probe() + ": " + result.detail());
            if (!result.passed()) {
                return new Outcome(false, result.probe() + " failed: " + result.detail(), String.join("\n", lines));
            }
        }
        return new Outcome(true, probes.isEmpty() ? "no probes configured" : "every probe passed",
                String.join("\n", lines));
    }

    private void move(long id, ChangeState from, ChangeState to, String detail) {
        journal.advance(id, from, to, detail, clock.instant());
    }

    private static ApplyResult result(Change change, ChangeState state, String message, StepRecorder steps) {
        return new ApplyResult(change.id(), change.host(), state, message, steps.reports());
    }
}

package medic.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import medic.apply.Applier;
import medic.apply.ApplyResult;
import medic.apply.Change;
import medic.apply.ChangeState;
import medic.apply.StepListener;
import medic.apply.StepReport;
import medic.apply.recheck.ErrorLogRecheck;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.outbox.Outbox;
import medic.remote.RemoteHost;
import medic.runbook.run.HostConnections;
import medic.schedule.ScheduleException;
import medic.schedule.Scheduler;
import medic.schedule.Task;
import medic.schedule.TaskRun;
import medic.slack.message.ApplyReplies;
import medic.slack.message.ApplyStep;
import medic.slack.message.IncidentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages 7 and 8, apply and verify: the approved change is applied by a recoverable job (backup, upload, nginx -t,
 * reload, probes; restored on any failure), each step goes to the thread as it ends, the parent shows the result,
 * and the error log is read again later. A job re-run after a crash first finishes or undoes what the dead process
 * left, then applies only a change that never started. Rollbacks come here too.
 */
final class Apply {
    static final String TASK = "incident-apply";
    private static final Logger LOG = LoggerFactory.getLogger(Apply.class);

    private final Applier applier;
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final Inventory inventory;
    private final HostConnections hosts;
    private final ProbePlan probes;
    private final Parent parent;
    private final Outbox outbox;
    private final ApplyReplies replies;
    private final IncidentLifecycle.SchedulerHolder scheduler;
    private final Duration recheckDelay;
    private final Clock clock;

    Apply(Applier applier, IncidentStore incidents, FlowStore flows, Inventory inventory, HostConnections hosts,
          ProbePlan probes, Parent parent, Outbox outbox, ApplyReplies replies,
          IncidentLifecycle.SchedulerHolder scheduler, Duration recheckDelay, Clock clock) {
        this.applier = applier;
        this.incidents = incidents;
        this.flows = flows;
        this.inventory = inventory;
        this.hosts = hosts;
        this.probes = probes;
        this.parent = parent;
        this.outbox = outbox;
        this.replies = replies;
        this.scheduler = scheduler;
        this.recheckDelay = recheckDelay;
        this.clock = clock;
    }

    static String jobName(long changeId) {
        return "apply-change-" + changeId;
    }

    /**
     * Schedules the apply job of an approved change now; a job of that name already there (the stuck-incident sweep
     * or the approval got there first) is the same job, so that is fine.
     */
    static void schedule(Scheduler scheduler, long changeId, Instant at) {
        try {
            scheduler.scheduleOnce(jobName(changeId), TASK, Map.of("change", Long.toString(changeId)), at);
        } catch (ScheduleException e) {
            if (!scheduler.isScheduled(jobName(changeId))) {
                throw e;
            }
        }
    }

    Task task() {
        return this::run;
    }

    private void run(TaskRun job) {
        long changeId = Long.parseLong(job.data().get("change"));
        Flow flow = flows.byChange(changeId).orElseThrow(() -> new IllegalStateException(
                "change " + changeId + " belongs to no incident"));
        Incident incident = incidents.incident(flow.incidentId()).orElseThrow();
        StepListener listener = thread(incident);
        ApplyResult result = null;
        if (job.recovering()) {
            result = applier.recover(changeId, listener);
        }
        Change change = applier.change(changeId).orElseThrow();
        if (change.state() == ChangeState.APPROVED) {
            HostEntry host = host(incident.host());
            result = applier.apply(changeId, probes.probesFor(host, ViewJson.read(flow.viewJson())), listener);
        }
        finish(incident, flow, result == null ? applier.change(changeId).map(c -> c.state()).orElseThrow() : result.state(),
                result == null ? "" : result.message(), changeId);
    }

    private void finish(Incident incident, Flow flow, ChangeState state, String message, long changeId) {
        Instant now = clock.instant();
        if (state == ChangeState.APPLIED) {
            incidents.advance(incident.id(), Stage.APPLYING.name(), Stage.APPLIED.name());
            incidents.recordOutcome(incident.id(), "applied change " + changeId);
            parent.show(incident, flow, new IncidentState.Applied(flow.approver(), Long.toString(changeId),
                    flow.diffSha256(), now));
            scheduleRecheck(incident, changeId);
        } else {
            incidents.advance(incident.id(), Stage.APPLYING.name(), Stage.ROLLED_BACK.name());
            incidents.recordOutcome(incident.id(), "change " + changeId + " not applied: " + message);
            parent.show(incident, flow, state == ChangeState.REFUSED ? new IncidentState.Failed(message)
                    : new IncidentState.RolledBack(message, null));
        }
    }

    /** Rolls an applied change back (button or {@code /medic rollback}); the thread sees each step. */
    ApplyResult rollback(long changeId, String actor) {
        Flow flow = flows.byChange(changeId).orElseThrow(() -> new medic.MedicException(
                "change " + changeId + " is not one medic applied"));
        Incident incident = incidents.incident(flow.incidentId()).orElseThrow();
        ApplyResult result = applier.rollback(changeId, actor, thread(incident));
        if (result.state() == ChangeState.ROLLED_BACK) {
            incidents.advance(incident.id(), Stage.APPLIED.name(), Stage.ROLLED_BACK.name());
            incidents.recordOutcome(incident.id(), "change " + changeId + " rolled back by " + actor);
            parent.show(incident, flow, new IncidentState.RolledBack("rolled back on request", actor));
        }
        return result;
    }

    private void scheduleRecheck(Incident incident, long changeId) {
        HostEntry host = host(incident.host());
        String log = host.nginx().errorLogs().get(0);
        try (RemoteHost remote = hosts.open(host)) {
            long offset = ErrorLogRecheck.size(remote, log);
            ErrorLogRecheck.schedule(scheduler.get(), changeId, host.name(), log, offset, recheckDelay, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("change {} on {}: cannot schedule the error-log recheck: {}", changeId, host.name(), e.getMessage());
        }
    }

    private HostEntry host(String name) {
        return inventory.host(name).orElseThrow(() -> new medic.MedicException("host " + name
                + " is no longer in the inventory; add it back to apply or roll back its change"));
    }

    /** Each finished step of an apply or rollback, as a reply in the incident's thread. */
    private StepListener thread(Incident incident) {
        return report -> {
            if (report.status() == StepReport.Status.STARTED) {
                return;
            }
            ApplyStep.Kind kind = kind(report.step());
            ApplyStep.Outcome outcome = report.status() == StepReport.Status.PASSED ? ApplyStep.Outcome.SUCCEEDED
                    : ApplyStep.Outcome.FAILED;
            if (kind == null) {
                if (outcome == ApplyStep.Outcome.FAILED) {
                    outbox.reply(incident.threadKey(), replies.refused(incident.host(), report.message()));
                }
                return;
            }
            outbox.reply(incident.threadKey(), replies.step(incident.host(), new ApplyStep(kind, outcome,
                    report.message(), report.output() == null ? "" : report.output(), report.elapsed())));
        };
    }

    private static ApplyStep.Kind kind(medic.apply.ApplyStep step) {
        return switch (step) {
            case DRIFT_CHECK -> ApplyStep.Kind.DRIFT_CHECK;
            case BACKUP -> ApplyStep.Kind.BACKUP;
            case WRITE -> ApplyStep.Kind.UPLOAD;
            case NGINX_TEST, RETEST -> ApplyStep.Kind.NGINX_TEST;
            case RELOAD, RELOAD_RESTORED -> ApplyStep.Kind.RELOAD;
            case VERIFY -> ApplyStep.Kind.VERIFY;
            case RESTORE -> ApplyStep.Kind.RESTORE;
            case LOCK, CIRCUIT_BREAKER, DONE -> null;
        };
    }
}

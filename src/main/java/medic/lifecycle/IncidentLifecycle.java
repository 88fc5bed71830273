package medic.lifecycle;

import java.util.List;
import java.util.Map;
import medic.apply.recheck.ErrorLogRecheck;
import medic.incident.Alert;
import medic.incident.AlertIntake;
import medic.incident.Incident;
import medic.incident.IncidentEvents;
import medic.inventory.HostEntry;
import medic.runbook.run.RunObserver;
import medic.schedule.Scheduler;
import medic.schedule.Task;
import medic.slack.command.MedicOperations;
import medic.slack.message.ApplyReplies;
import medic.slack.message.ChannelNotices;
import medic.slack.message.CommandReplies;
import medic.slack.message.IncidentMessages;
import medic.slack.message.ThreadReplies;
import medic.watch.IncidentOpener;

/**
 * An incident's life, in the order it happens. Each stage is one class; this one wires them and is the map:
 * <ol>
 *   <li><b>intake</b> ({@link Intake}): Alertmanager's webhook, the log watcher or {@code /medic diagnose} opens an
 *       incident per host and upstream; repeats go to its thread, resolutions redraw it.</li>
 *   <li><b>runbook</b> ({@link Diagnose}): the matching runbook runs on the host over SSH as a recoverable job.</li>
 *   <li><b>diagnosis</b> and <b>proposal</b> ({@link Diagnose#runEnded}): findings with file:line evidence, and the
 *       hardened config sealed for approval (host, files, hashes).</li>
 *   <li><b>message</b> ({@link Parent}): the thread's top message, posted once and redrawn at every stage.</li>
 *   <li><b>approval</b> ({@link Approve}): an allowed person approves that exact diff, once (four eyes, expiry).</li>
 *   <li><b>apply</b> and <b>verify</b> ({@link Apply}): backup, upload, nginx -t, reload, probes, rollback on any
 *       failure; the error log is read again later ({@link Verify}).</li>
 *   <li><b>audit</b>: every stage above is recorded by {@link medic.apply.AuditLog}.</li>
 * </ol>
 */
public final class IncidentLifecycle {
    private final SchedulerHolder scheduler = new SchedulerHolder();
    private final IntakeHolder intake = new IntakeHolder();
    private final LifecycleParts parts;
    private final FlowStore flows;
    private final Intake intakeStage;
    private final Diagnose diagnose;
    private final Apply apply;
    private final Verify verify;
    private final Operations operations;
    private final StuckIncidents stuck;

    public IncidentLifecycle(LifecycleParts parts) {
        this.parts = parts;
        this.flows = new FlowStore(parts.database(), parts.clock());
        Parent parent = new Parent(new IncidentMessages(parts.templates()), flows, parts.outbox(), parts.channel());
        ThreadReplies replies = new ThreadReplies(parts.templates());
        FlowMetrics metrics = new FlowMetrics(parts.registry());
        this.diagnose = new Diagnose(metrics, parts.runbooks(), parts.defaultRunbook(), parts.runs(), parts.incidents(), flows,
                parts.proposals(), parts.audit(), parent, parts.outbox(), replies,
                new CommandReplies(parts.templates(), "/medic"), parts.clock());
        this.intakeStage = new Intake(metrics, diagnose, parts.incidents(), flows, parent, parts.outbox(), parts.channel(),
                replies, new ChannelNotices(parts.templates()), "the inventory", parts.clock());
        Approve approve = new Approve(parts.incidents(), flows, parts.approvals(), parts.audit(), parent, scheduler,
                parts.clock());
        this.apply = new Apply(parts.applier(), parts.incidents(), flows, parts.inventory(), parts.hosts(),
                parts.probes(), parent, parts.outbox(), new ApplyReplies(parts.templates()), scheduler,
                parts.recheckDelay(), parts.clock());
        this.verify = new Verify(parts.incidents(), flows, parts.audit(), parts.outbox(), parts.clock());
        this.stuck = new StuckIncidents(parts.database(), parts.incidents(), diagnose, scheduler, parts.clock());
        this.operations = new Operations(intake, parts.incidents(), flows, diagnose, approve, apply, parts.audit(),
                parts.clock());
    }

    /** For alert intake: what it reports after each stored delivery. */
    public IncidentEvents events() {
        return intakeStage;
    }

    /** For runbook runs: their ends carry the diagnosis. */
    public RunObserver runObserver() {
        return diagnose;
    }

    /** For the slash command and the buttons. */
    public MedicOperations operations() {
        return operations;
    }

    /** For the log watcher: a failure storm opens an incident like an alert does. */
    public IncidentOpener watcherOpener() {
        return (host, reason) -> intake.get().accept(List.of(OwnAlerts.watcherStorm(host, reason,
                parts.clock().instant())));
    }

    /** The scheduler's tasks the flow needs: the apply job, the later error-log recheck, the stuck-incident sweep. */
    public Map<String, Task> tasks() {
        return Map.of(Apply.TASK, apply.task(),
                ErrorLogRecheck.TASK, new ErrorLogRecheck(this::remoteHost, verify),
                StuckIncidents.TASK, stuck.task());
    }

    /**
     * Connects the flow to the running scheduler and intake (both are built after the flow, which they call),
     * then starts incidents a crash left before their diagnosis began and schedules the sweep for those a crash left
     * later ({@link StuckIncidents}).
     */
    public void attach(Scheduler running, AlertIntake alertIntake) {
        scheduler.set(running);
        intake.set(alertIntake);
        running.scheduleRepeating(StuckIncidents.TASK, StuckIncidents.TASK, Map.of(), StuckIncidents.INTERVAL);
        for (Incident incident : parts.incidents().inStage(Stage.NEW.name())) {
            List<Alert> alerts = parts.incidents().alerts(incident.id());
            if (incident.isOpen() && !alerts.isEmpty()) {
                intakeStage.opened(incident, alerts);
            }
        }
    }

    private medic.remote.RemoteHost remoteHost(String name) {
        HostEntry host = parts.inventory().host(name).orElseThrow(() -> new medic.MedicException(
                "host " + name + " is no longer in the inventory"));
        return parts.hosts().open(host);
    }

    /** The running scheduler, set once it started. */
    static final class SchedulerHolder {
        private volatile Scheduler scheduler;

        void set(Scheduler running) {
            scheduler = running;
        }

        Scheduler get() {
            if (scheduler == null) {
                throw new IllegalStateException("the incident flow is not attached to a scheduler yet");
            }
            return scheduler;
        }
    }

    /** Alert intake, set once built (it reports to the flow, and the flow feeds it medic's own alerts). */
    static final class IntakeHolder {
        private volatile AlertIntake intake;

        void set(AlertIntake running) {
            intake = running;
        }

        AlertIntake get() {
            if (intake == null) {
                throw new IllegalStateException("the incident flow is not attached to alert intake yet");
            }
            return intake;
        }
    }
}

package medic.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import medic.apply.AuditLog;
import medic.apply.Proposals;
import medic.apply.SealedProposal;
import medic.incident.Alert;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.outbox.Outbox;
import medic.runbook.Runbook;
import medic.runbook.RunbookCatalog;
import medic.runbook.run.RunObserver;
import medic.runbook.run.RunResult;
import medic.runbook.run.RunbookJobs;
import medic.runbook.run.StepResult;
import medic.slack.message.CommandReplies;
import medic.slack.message.DiagnosisView;
import medic.slack.message.IncidentState;
import medic.slack.message.ThreadReplies;
import medic.store.Run;
import medic.store.RunTrigger;

/**
 * Stages 2 to 5, runbook to message: the runbook matching the incident's alert runs on the host as a recoverable
 * job; when it ends, its diagnosis and proposal are sealed (host, files, hashes) for approval and the thread shows
 * them, with the steps' results as one reply; whoever asked for it with {@code /medic diagnose} is answered too.
 */
final class Diagnose implements RunObserver {
    private final RunbookCatalog runbooks;
    private final String defaultRunbook;
    private final RunbookJobs runs;
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final Proposals proposals;
    private final AuditLog audit;
    private final Parent parent;
    private final Outbox outbox;
    private final ThreadReplies replies;
    private final Clock clock;
    private final FlowMetrics metrics;
    private final Requesters requesters;
    private final CommandReplies answers;

    Diagnose(FlowMetrics metrics, RunbookCatalog runbooks, String defaultRunbook, RunbookJobs runs, IncidentStore incidents,
             FlowStore flows, Proposals proposals, AuditLog audit, Parent parent, Outbox outbox, ThreadReplies replies,
             CommandReplies answers, Clock clock) {
        this.metrics = metrics;
        this.runbooks = runbooks;
        this.defaultRunbook = defaultRunbook;
        this.runs = runs;
        this.incidents = incidents;
        this.flows = flows;
        this.proposals = proposals;
        this.audit = audit;
        this.parent = parent;
        this.outbox = outbox;
        this.replies = replies;
        this.answers = answers;
        this.requesters = new Requesters(incidents, outbox);
        this.clock = clock;
    }

    /**
     * Starts the runbook for an incident at {@code from}; false when another replica (or request) moved it first.
     * A thread already posted shows "diagnosing" before the run is queued, so the run's result always draws last.
     * From DIAGNOSING (a re-drive of a stuck incident by StuckIncidents) the move only renews the stage's time.
     */
    boolean start(Incident incident, Stage from, Alert alert) {
        Optional<Runbook> runbook = runbookFor(alert);
        if (runbook.isEmpty()) {
            if (incidents.advance(incident.id(), from.name(), Stage.FAILED.name())) {
                showFailed(incident, "no runbook in the catalogue matches alert " + alert.alertname()
                        + "; add one (runbooks/README.md) or set watch.runbook");
            }
            return false;
        }
        if (!incidents.advance(incident.id(), from.name(), Stage.DIAGNOSING.name())) {
            return false;
        }
        flows.find(incident.id()).filter(Flow::posted).ifPresent(flow ->
                parent.show(incident, flow, new IncidentState.Diagnosing(clock.instant())));
        // A crash here leaves the incident diagnosing without a run: StuckIncidents starts it again then.
        Run run = runs.submit(runbook.get().name(), incident.host(), RunTrigger.incident(incident.id()));
        flows.run(incident.id(), run.id());
        return true;
    }

    /** Re-runs the diagnosis of an incident that is not busy, in the same thread; false when this call did not. */
    boolean rerun(Incident incident, Alert alert) {
        Stage stage = Stage.of(incident.stage());
        return stage.mayRerun() && start(incident, stage, alert);
    }

    private Optional<Runbook> runbookFor(Alert alert) {
        List<Runbook> matching = runbooks.match(alert.alertname(), alert.labels());
        if (!matching.isEmpty()) {
            return Optional.of(matching.get(0));
        }
        return OwnAlerts.isOwn(alert) ? runbooks.named(defaultRunbook) : Optional.empty();
    }

    @Override
    public void stepFinished(Run run, StepResult step) {
        // The steps go to the thread together once the run ends: one reply instead of one per step keeps the
        // channel's one-message-a-second budget for the diagnosis itself. Here they are only counted.
        metrics.step(step);
    }

    @Override
    public void runEnded(Run run, RunResult result) {
        if (run.trigger().incidentId().isEmpty()) {
            return;
        }
        long incidentId = run.trigger().incidentId().getAsLong();
        Incident incident = incidents.incident(incidentId).orElse(null);
        Flow flow = flows.find(incidentId).orElse(null);
        if (incident == null || flow == null || (flow.runId() != null && flow.runId() != run.id())) {
            return; // an older run of a re-run incident
        }
        Instant now = clock.instant();
        if (result.diagnosis() == null || result.outcome() == RunResult.Outcome.FAILED) {
            if (incidents.advance(incidentId, Stage.DIAGNOSING.name(), Stage.FAILED.name())) {
                String reason = result.failure() == null ? "the runbook ended without a diagnosis" : result.failure();
                showFailed(incident, reason);
                outbox.reply(incident.threadKey(), ThreadNotes.steps(replies, result.steps(), null));
                requesters.answer(incident, run, answers.diagnosisFailed(incident.host(), incidentId, reason));
            }
            return;
        }
        DiagnosisView view = DiagnosisView.of(result);
        SealedProposal sealed = result.diagnosis().proposal().isEmpty() ? null
                : proposals.seal(incident.host(), result.diagnosis().proposal(),
                        flow.requester().orElse("alert:" + flow.alertName()), now);
        if (!incidents.advance(incidentId, Stage.DIAGNOSING.name(), Stage.AWAITING_APPROVAL.name())) {
            return;
        }
        flows.proposal(incidentId, sealed == null ? null : sealed.id(), sealed == null ? null : sealed.diffSha256(),
                ViewJson.write(view));
        audit.record(now, "medic", incident.host(), sealed == null ? null : sealed.id(), null,
                sealed == null ? null : sealed.diffSha256(), "DIAGNOSED", "incident " + incidentId + ": "
                        + result.diagnosis().findings().size() + " finding(s); " + result.diagnosis().proposal().summary());
        Instant expires = sealed == null ? now : sealed.expiresAt();
        Flow updated = flows.find(incidentId).orElseThrow();
        parent.showNewDiagnosis(incident, updated, new IncidentState.AwaitingApproval(expires));
        outbox.reply(incident.threadKey(), ThreadNotes.steps(replies, result.steps(), expires));
        requesters.answer(incident, run, answers.diagnosed(incident.host(), incidentId,
                result.diagnosis().findings().size(), sealed == null ? null : result.diagnosis().proposal().summary(),
                expires));
    }

    private void showFailed(Incident incident, String reason) {
        flows.find(incident.id()).ifPresent(flow -> parent.show(incident, flow, new IncidentState.Failed(reason)));
    }
}

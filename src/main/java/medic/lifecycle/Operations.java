package medic.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import medic.MedicException;
import medic.apply.ApplyResult;
import medic.apply.AuditEvent;
import medic.apply.AuditLog;
import medic.apply.ChangeState;
import medic.incident.AlertIntake;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.slack.ActionValue;
import medic.slack.command.Caller;
import medic.slack.command.HistoryEntry;
import medic.slack.command.IncidentStatus;
import medic.slack.command.MedicOperations;
import medic.slack.command.Outcome;

/**
 * What people ask of medic in Slack (the slash command and the buttons), as steps of the incident flow.
 * Permissions are checked before a call arrives here; the approval itself is checked again in the database.
 */
final class Operations implements MedicOperations {
    private final IncidentLifecycle.IntakeHolder intake;
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final Diagnose diagnose;
    private final Approve approve;
    private final Apply apply;
    private final AuditLog audit;
    private final Clock clock;

    Operations(IncidentLifecycle.IntakeHolder intake, IncidentStore incidents, FlowStore flows, Diagnose diagnose,
               Approve approve, Apply apply, AuditLog audit, Clock clock) {
        this.intake = intake;
        this.incidents = incidents;
        this.flows = flows;
        this.diagnose = diagnose;
        this.approve = approve;
        this.apply = apply;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Outcome diagnose(String host, Caller caller) {
        intake.get().accept(List.of(OwnAlerts.diagnoseRequest(host, caller.userId(), caller.responseUrl(),
                clock.instant())));
        return Outcome.done("Diagnosing " + host + " for <@" + caller.userId() + ">; the result is posted in the"
                + " incident's thread.");
    }

    @Override
    public List<IncidentStatus> status() {
        return incidents.open().stream()
                .map(i -> new IncidentStatus(i.id(), i.host(), i.upstream(), i.stage().toLowerCase().replace('_', ' '),
                        i.openedAt()))
                .toList();
    }

    @Override
    public List<HistoryEntry> history(String host, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Incident incident : incidents.history(host, limit)) {
            entries.add(new HistoryEntry(incident.openedAt(), "", "incident " + incident.id() + " "
                    + incident.state().name().toLowerCase(), incident.outcome() == null ? incident.stage().toLowerCase()
                    : incident.outcome()));
        }
        for (AuditEvent event : audit.forHost(host, limit)) {
            entries.add(new HistoryEntry(event.at(), event.actor(), event.event().toLowerCase().replace('_', ' ')
                    + (event.changeId() == null ? "" : " (change " + event.changeId() + ")"), event.detail()));
        }
        entries.sort(Comparator.comparing(HistoryEntry::at).reversed());
        return entries.subList(0, Math.min(limit, entries.size()));
    }

    @Override
    public Outcome rollback(String changeId, Caller caller) {
        long id;
        try {
            id = Long.parseLong(changeId);
        } catch (NumberFormatException e) {
            return Outcome.refused("\"" + changeId + "\" is not a change id: use the number from the applied message"
                    + " or /medic history");
        }
        return rolledBack(apply.rollback(id, caller.userId()));
    }

    @Override
    public Optional<String> requesterOf(ActionValue value) {
        return flows.find(value.incidentId()).flatMap(Flow::requester);
    }

    @Override
    public Outcome approve(ActionValue value, Caller approver) {
        return approve.approve(value, approver);
    }

    @Override
    public Outcome reject(ActionValue value, Caller caller, String reason) {
        return approve.reject(value, caller, reason);
    }

    @Override
    public Outcome rerun(ActionValue value, Caller caller) {
        Incident incident = incidents.incident(value.incidentId()).orElseThrow(() -> new MedicException(
                "incident " + value.incidentId() + " is not in medic's database"));
        List<medic.incident.Alert> alerts = incidents.alerts(incident.id());
        medic.incident.Alert alert = alerts.isEmpty()
                ? OwnAlerts.diagnoseRequest(incident.host(), caller.userId(), null, clock.instant())
                : alerts.get(alerts.size() - 1);
        if (!diagnose.rerun(incident, alert)) {
            // Read again: another replica may have started the re-run since the stage above was read.
            String stage = incidents.incident(incident.id()).map(Incident::stage).orElse(incident.stage());
            return Outcome.refused("incident " + incident.id() + " is busy (" + stage.toLowerCase().replace('_', ' ')
                    + "); its result follows in the thread, re-run it when that is done");
        }
        return Outcome.done("Re-running the diagnosis of " + incident.host() + ".");
    }

    @Override
    public Outcome snooze(ActionValue value, Caller caller, Duration duration) {
        return approve.snooze(value, caller, duration);
    }

    @Override
    public Outcome rollback(ActionValue value, Caller caller) {
        Flow flow = flows.find(value.incidentId()).orElseThrow(() -> new MedicException(
                "incident " + value.incidentId() + " is not in medic's database"));
        if (flow.changeId() == null) {
            return Outcome.refused("incident " + value.incidentId() + " has no applied change to roll back");
        }
        return rolledBack(apply.rollback(flow.changeId(), caller.userId()));
    }

    private static Outcome rolledBack(ApplyResult result) {
        return result.state() == ChangeState.ROLLED_BACK
                ? Outcome.done("Rolled back change " + result.changeId() + " on " + result.host() + ".")
                : Outcome.refused("Change " + result.changeId() + " was not rolled back: " + result.message());
    }
}

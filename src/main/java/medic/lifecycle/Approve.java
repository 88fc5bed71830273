package medic.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import medic.MedicException;
import medic.apply.ApprovalOutcome;
import medic.apply.Approvals;
import medic.apply.AuditLog;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.schedule.Scheduler;
import medic.slack.ActionValue;
import medic.slack.command.Caller;
import medic.slack.command.Outcome;
import medic.slack.message.IncidentState;

/**
 * Stage 6, approval: an Approve click binds to the exact proposal its message showed (the diff's hash), the database
 * lets exactly one approval through (four eyes, expiry, allowed approvers are checked there too), and the apply is
 * scheduled as a recoverable job. Reject and Snooze are decisions too, recorded with who and why.
 */
final class Approve {
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final Approvals approvals;
    private final AuditLog audit;
    private final Parent parent;
    private final IncidentLifecycle.SchedulerHolder scheduler;
    private final Clock clock;

    Approve(IncidentStore incidents, FlowStore flows, Approvals approvals, AuditLog audit, Parent parent,
            IncidentLifecycle.SchedulerHolder scheduler, Clock clock) {
        this.incidents = incidents;
        this.flows = flows;
        this.approvals = approvals;
        this.audit = audit;
        this.parent = parent;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    Outcome approve(ActionValue value, Caller approver) {
        Incident incident = incident(value);
        Flow flow = flows.find(incident.id()).orElseThrow(() -> gone(value));
        if (!flow.hasProposal()) {
            return Outcome.refused("incident " + incident.id() + " has no change to approve");
        }
        if (!flow.diffSha256().equals(value.proposalSha256())) {
            return Outcome.refused("this button belongs to an earlier proposal for " + incident.host()
                    + "; approve the one in the latest message");
        }
        Instant now = clock.instant();
        ApprovalOutcome outcome = approvals.approve(flow.proposalId(), approver.userId(), value.proposalSha256(), now);
        if (outcome instanceof ApprovalOutcome.Refused refused) {
            if (refused.reason() == ApprovalOutcome.Reason.EXPIRED) {
                parent.show(incident, flow, new IncidentState.ApprovalExpired(now));
            }
            return Outcome.refused(refused.message());
        }
        long changeId = ((ApprovalOutcome.Approved) outcome).changeId();
        flows.change(incident.id(), changeId, approver.userId());
        incidents.advance(incident.id(), Stage.AWAITING_APPROVAL.name(), Stage.APPLYING.name());
        parent.show(incident, flows.find(incident.id()).orElseThrow(), new IncidentState.Applying(approver.userId()));
        // A crash before this line leaves the change approved without a job: StuckIncidents schedules it then.
        Apply.schedule(scheduler.get(), changeId, now);
        return Outcome.done("Approved: applying change " + changeId + " on " + incident.host()
                + "; progress follows in the thread.");
    }

    Outcome reject(ActionValue value, Caller caller, String reason) {
        Incident incident = incident(value);
        if (!incidents.advance(incident.id(), Stage.AWAITING_APPROVAL.name(), Stage.REJECTED.name())) {
            return Outcome.refused("incident " + incident.id() + " is " + incident.stage().toLowerCase()
                    + ", not awaiting approval; nothing to reject");
        }
        Flow flow = flows.find(incident.id()).orElseThrow(() -> gone(value));
        audit.record(clock.instant(), caller.userId(), incident.host(), flow.proposalId(), null, flow.diffSha256(),
                "REJECTED", reason);
        incidents.recordOutcome(incident.id(), "rejected by " + caller.userId() + ": " + reason);
        parent.show(incident, flow, new IncidentState.Rejected(caller.userId(), reason));
        return Outcome.done("Rejected the proposal for " + incident.host() + ".");
    }

    Outcome snooze(ActionValue value, Caller caller, Duration duration) {
        Incident incident = incident(value);
        Instant until = clock.instant().plus(duration);
        incidents.snooze(incident.id(), until);
        Flow flow = flows.find(incident.id()).orElseThrow(() -> gone(value));
        audit.record(clock.instant(), caller.userId(), incident.host(), flow.proposalId(), null, flow.diffSha256(),
                "SNOOZED", "until " + until);
        parent.show(incident, flow, new IncidentState.Snoozed(caller.userId(), until));
        return Outcome.done("Snoozed incident " + incident.id() + " until " + until + ".");
    }

    private Incident incident(ActionValue value) {
        return incidents.incident(value.incidentId()).orElseThrow(() -> gone(value));
    }

    private static MedicException gone(ActionValue value) {
        return new MedicException("incident " + value.incidentId() + " is not in medic's database (was it reset?)");
    }
}

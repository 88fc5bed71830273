package medic.lifecycle;

import java.time.Clock;
import medic.apply.AuditLog;
import medic.apply.recheck.RecheckListener;
import medic.apply.recheck.RecheckOutcome;
import medic.incident.Incident;
import medic.incident.IncidentStore;
import medic.outbox.Outbox;
import medic.nginx.redact.Redactor;
import medic.slack.SlackMessage;
import medic.slack.message.Mrkdwn;

/**
 * Stage 8, the later half of verify: minutes after an apply the error log is read again. Silence closes the
 * incident's outcome as fixed; new failures of the class go to the thread and leave the incident open.
 */
final class Verify implements RecheckListener {
    private static final Redactor REDACTOR = new Redactor();
    private final IncidentStore incidents;
    private final FlowStore flows;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    Verify(IncidentStore incidents, FlowStore flows, AuditLog audit, Outbox outbox, Clock clock) {
        this.incidents = incidents;
        this.flows = flows;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void onRecheck(RecheckOutcome outcome) {
        flows.byChange(outcome.changeId()).ifPresent(flow -> {
            Incident incident = incidents.incident(flow.incidentId()).orElseThrow();
            String verdict = outcome.resolved()
                    ? "Recheck: no upstream failures in the error log since change " + outcome.changeId() + "."
                    : "Recheck: " + outcome.failures() + " upstream failure(s) since change " + outcome.changeId()
                            + "; the incident stays open." + (outcome.samples().isEmpty() ? ""
                                    : " Latest: " + outcome.samples().get(outcome.samples().size() - 1));
            incidents.recordOutcome(incident.id(), outcome.resolved() ? "applied change " + outcome.changeId()
                    + ", verified by the error log" : "change " + outcome.changeId() + " applied; failures continue");
            audit.record(clock.instant(), "medic", incident.host(), flow.proposalId(), outcome.changeId(),
                    flow.diffSha256(), outcome.resolved() ? "RECHECK_PASSED" : "RECHECK_FAILED", verdict);
            // Log samples come from the host: redacted, and escaped so a line can never mention or link.
            outbox.reply(incident.threadKey(), SlackMessage.plain(
                    Mrkdwn.escaped(REDACTOR.redactText(verdict).text()).text()));
        });
    }
}

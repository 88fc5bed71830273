package medic.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import medic.apply.Applier;
import medic.apply.ApprovalRules;
import medic.apply.Approvals;
import medic.apply.AuditLog;
import medic.apply.Proposals;
import medic.incident.IncidentStore;
import medic.inventory.Inventory;
import medic.outbox.DurableOutbox;
import medic.runbook.RunbookCatalog;
import medic.runbook.run.HostConnections;
import medic.runbook.run.RunbookJobs;
import medic.slack.message.MessageTemplates;
import medic.store.Database;

/**
 * Everything the incident flow works with, built by {@code medic serve}: the stores, runbook runs, the apply
 * engine, the outbox to Slack and its channel, and the message templates.
 *
 * @param defaultRunbook the runbook for incidents medic opens itself (log watcher, {@code /medic diagnose}) when no
 *                       runbook matches their alert
 * @param recheckDelay   how long after an apply the error log is read again
 */
public record LifecycleParts(Database database, Inventory inventory, RunbookCatalog runbooks, String defaultRunbook,
                             RunbookJobs runs, HostConnections hosts, IncidentStore incidents, DurableOutbox outbox,
                             String channel, MessageTemplates templates, Proposals proposals, Approvals approvals,
                             ApprovalRules approvalRules, Applier applier, AuditLog audit, ProbePlan probes,
                             Duration recheckDelay, MeterRegistry registry, Clock clock) {
}

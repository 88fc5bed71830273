package medic.slack.message;

import java.time.Instant;

/**
 * Where an incident stands; the parent message always shows the current one. Slack user IDs ({@code U...})
 * become mentions; reasons are shown escaped. Only {@link AwaitingApproval} shows the decision buttons and
 * only {@link Applied} the Rollback button.
 */
public sealed interface IncidentState {

    record Diagnosing(Instant since) implements IncidentState { }

    /** Diagnosed; the approval (when there is a proposal) expires at {@code expiresAt}. */
    record AwaitingApproval(Instant expiresAt) implements IncidentState { }

    record Approved(String approverId, Instant at) implements IncidentState { }

    record Applying(String approverId) implements IncidentState { }

    /** Applied and verified; {@code changeSha256} is what the Rollback button binds to. */
    record Applied(String approverId, String changeId, String changeSha256, Instant at) implements IncidentState { }

    /** {@code byUserId} null when medic rolled back on its own (failed verify). */
    record RolledBack(String reason, String byUserId) implements IncidentState { }

    record Failed(String reason) implements IncidentState { }

    record Rejected(String userId, String reason) implements IncidentState { }

    record Snoozed(String userId, Instant until) implements IncidentState { }

    record Resolved(Instant at) implements IncidentState { }

    record ApprovalExpired(Instant at) implements IncidentState { }
}

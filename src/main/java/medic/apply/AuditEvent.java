package medic.apply;

import java.time.Instant;

/**
 * One recorded state change: when, who (a Slack user id, or "medic" for its own steps), which host, proposal,
 * change and diff, what happened ({@code event}, e.g. APPROVED, REFUSED, NGINX_TEST_FAILED) and the detail
 * (command output included, already redacted).
 */
public record AuditEvent(long id, Instant at, String actor, String host, String proposalId, Long changeId,
                         String diffSha256, String event, String detail) {
}

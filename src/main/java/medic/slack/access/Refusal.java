package medic.slack.access;

/**
 * A request medic refused for want of permission, kept for the audit trail.
 *
 * @param request what was asked, as people read it (e.g. {@code approve incident 42}, {@code diagnose web-1})
 */
public record Refusal(Action action, String request, String userId, String channelId, String reason) {
}

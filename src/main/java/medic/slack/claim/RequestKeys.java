package medic.slack.claim;

import java.util.UUID;
import medic.apply.Sha256;

/**
 * The key naming one Slack request, equal on every delivery of it (Slack's retries, a load balancer sending it to two
 * replicas, a replay) and different for a new request, even the same words typed or the same button clicked again.
 */
public final class RequestKeys {

    private RequestKeys() {
    }

    /**
     * A slash command: its trigger_id, unique per invocation. Without one (a proxy that drops it), the team, user,
     * command, text and the request's X-Slack-Request-Timestamp together, hashed: a delivery repeats all five. With
     * neither (Socket Mode has no headers), repeats cannot be told from new requests: each gets a key of its own.
     */
    public static String slashCommand(String triggerId, String teamId, String userId, String command, String text,
                                      String requestTimestamp) {
        if (triggerId != null && !triggerId.isBlank()) {
            return "slash:" + triggerId;
        }
        if (requestTimestamp == null || requestTimestamp.isBlank()) {
            return "slash:unnamed:" + UUID.randomUUID();
        }
        StringBuilder fields = new StringBuilder();
        for (String field : new String[] {teamId, userId, command, text, requestTimestamp}) {
            // Length first: text may hold any character, so no separator could keep two fields from running together.
            String value = String.valueOf(field);
            fields.append(value.length()).append(':').append(value);
        }
        return "slash:sha256:" + Sha256.of(fields.toString());
    }

    /** A button click (block_actions): the action's action_ts with the click's trigger_id. */
    public static String click(String actionTs, String triggerId) {
        return "action:" + actionTs + ":" + triggerId;
    }

    /** A dialog's submission (view_submission): the view's id and hash, which change with every dialog opened. */
    public static String viewSubmission(String viewId, String viewHash) {
        return "view:" + viewId + ":" + viewHash;
    }

    /** An Events API delivery: its event_id, which Slack's retries (X-Slack-Retry-Num) repeat. */
    public static String event(String eventId) {
        return "event:" + eventId;
    }
}

package medic.slack.api;

import java.time.Duration;
import java.util.List;
import medic.slack.SlackMessage;

/**
 * The gateway when no bot token is set: every call fails at once as one retrying cannot fix, so the outbox
 * dead-letters it with a log line instead of holding it. Diagnoses still run and are stored.
 */
public final class NoSlack implements SlackGateway {

    @Override
    public PostedMessage postMessage(String channel, String threadTs, SlackMessage message) {
        throw off("chat.postMessage");
    }

    @Override
    public void updateMessage(String channel, String ts, SlackMessage message) {
        throw off("chat.update");
    }

    @Override
    public void uploadFile(String channel, String threadTs, String filename, String content, String comment) {
        throw off("files.upload");
    }

    @Override
    public void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        throw off("response_url");
    }

    @Override
    public List<String> usergroupMembers(String usergroupId) {
        throw off("usergroups.users.list");
    }

    private static SlackCallException off(String method) {
        return new SlackCallException(method, "slack_off: SLACK_BOT_TOKEN is not set", SlackCallException.Retry.NEVER,
                Duration.ZERO, null);
    }
}

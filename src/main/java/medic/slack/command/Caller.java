package medic.slack.command;

/**
 * Who asked, where, and where to answer: the Slack user and channel IDs of a slash command or click, and its
 * {@code response_url}.
 */
public record Caller(String userId, String channelId, String responseUrl) {
}

package medic.slack.api;

import java.util.List;
import medic.slack.SlackMessage;

/**
 * The Slack Web API calls medic makes, and nothing else: each call is made once (no retry here) and fails with a
 * {@link SlackCallException} that says whether and when it may be retried.
 */
public interface SlackGateway {

    /** chat.postMessage; {@code threadTs} null for a top-level message. Returns where Slack put it. */
    PostedMessage postMessage(String channel, String threadTs, SlackMessage message);

    /** chat.update of the message at {@code channel}/{@code ts}. */
    void updateMessage(String channel, String ts, SlackMessage message);

    /**
     * Shares a text file into a thread: files.getUploadURLExternal, the upload itself, then
     * files.completeUploadExternal with the channel and thread.
     */
    void uploadFile(String channel, String threadTs, String filename, String content, String comment);

    /** Posts to a slash command's or button's {@code response_url}. */
    void respond(String responseUrl, SlackMessage message, boolean ephemeral);

    /** usergroups.users.list: the user ids (U...) of a user group (S...), for permissions. */
    List<String> usergroupMembers(String usergroupId);
}

package medic.outbox;

import medic.slack.SlackMessage;

/**
 * Every Slack call medic makes goes through here: persisted first, then sent by a worker that retries, keeps
 * the order per thread and survives restarts. A thread key (e.g. {@code incident-42}) names one conversation:
 * its top-level message, the replies in its thread, and the updates to the top-level message.
 */
public interface Outbox {

    /** Posts the top-level message of a new conversation in {@code channel}. */
    void post(String threadKey, String channel, SlackMessage message);

    /** Replies in the conversation's thread (sent after its top-level message, in call order). */
    void reply(String threadKey, SlackMessage message);

    /** Replaces the conversation's top-level message (chat.update); only the latest pending update matters. */
    void update(String threadKey, SlackMessage message);

    /** Uploads {@code content} as a file into the conversation's thread (long diffs). */
    void upload(String threadKey, String filename, String content, String comment);

    /** Answers a slash command or button through its {@code response_url}. */
    void respond(String responseUrl, SlackMessage message, boolean ephemeral);

    /**
     * True while a call of the conversation still waits to be sent. A caller with something that can wait (a count
     * of repeated alerts) holds it back then, so a storm queues one note per thread instead of one per delivery.
     */
    default boolean waiting(String threadKey) {
        return false;
    }
}

package medic.slack;

import java.util.Objects;

/**
 * One message medic shows people: the fallback text Slack uses for notifications and screen readers, and the
 * Block Kit blocks as a JSON array (built with Bolt's typed builders, never by string concatenation). The same
 * value is posted to Slack and rendered by the local console.
 */
public record SlackMessage(String text, String blocksJson) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(blocksJson, "blocksJson");
        if (!blocksJson.stripLeading().startsWith("[")) {
            throw new IllegalArgumentException("blocksJson must be a JSON array of blocks");
        }
    }

    /** A message with text only (no blocks). */
    public static SlackMessage plain(String text) {
        return new SlackMessage(text, "[]");
    }
}

package medic.slack.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import medic.slack.SlackMessage;

/**
 * Slack's documented limits for messages (docs.slack.dev, Block Kit reference: blocks, block elements,
 * composition objects; chat.postMessage), and one checker that parses a message's JSON back and walks it.
 * Builders keep to these by construction; tests prove it with {@link #violations}.
 */
public final class SlackLimits {
    public static final int MAX_BLOCKS = 50;
    public static final int SECTION_TEXT = 3000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2000;
    public static final int HEADER_TEXT = 150;
    public static final int CONTEXT_ELEMENTS = 10;
    /** Any text object (a context element's text among them). */
    public static final int TEXT_OBJECT = 3000;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int BUTTON_TEXT = 75;
    public static final int BUTTON_VALUE = 2000;
    public static final int ACTION_ID = 255;
    public static final int BLOCK_ID = 255;
    public static final int CONFIRM_TITLE = 100;
    public static final int CONFIRM_TEXT = 300;
    public static final int CONFIRM_BUTTON = 30;
    /** Slack truncates the top-level text past 40,000 characters and recommends at most 4,000: medic keeps 4,000. */
    public static final int MESSAGE_TEXT = 4000;
    /**
     * Not a documented limit: Slack answers msg_blocks_too_long for messages whose blocks hold about 13,000
     * characters or more in all (slackapi/bolt-js#2509), so medic keeps all block text within 12,000.
     */
    public static final int TOTAL_BLOCK_TEXT = 12_000;

    private SlackLimits() {
    }

    /** Every limit the message breaks, each naming the JSON path; empty when Slack will accept it. */
    public static List<String> violations(SlackMessage message) {
        List<String> out = new ArrayList<>();
        if (message.text().isEmpty() || message.text().length() > MESSAGE_TEXT) {
            out.add("text: " + message.text().length() + " characters, allowed 1.." + MESSAGE_TEXT);
        }
        JsonArray blocks;
        try {
            blocks = JsonParser.parseString(message.blocksJson()).getAsJsonArray();
        } catch (JsonParseException | IllegalStateException e) {
            out.add("blocks: not a JSON array: " + e.getMessage());
            return out;
        }
        if (blocks.size() > MAX_BLOCKS) {
            out.add("blocks: " + blocks.size() + " blocks, allowed " + MAX_BLOCKS);
        }
        int[] total = {0};
        for (int i = 0; i < blocks.size(); i++) {
            new BlockCheck("blocks[" + i + "]", out, total).block(blocks.get(i).getAsJsonObject());
        }
        if (total[0] > TOTAL_BLOCK_TEXT) {
            out.add("blocks: " + total[0] + " characters of text in all, medic allows " + TOTAL_BLOCK_TEXT);
        }
        return out;
    }

    /** @throws IllegalStateException listing the violations, for callers that must never post a bad message */
    public static SlackMessage requireWithin(SlackMessage message) {
        List<String> violations = violations(message);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("message breaks Slack's limits: " + String.join("; ", violations));
        }
        return message;
    }

    static int length(JsonElement element) {
        return element == null || element.isJsonNull() ? 0 : element.getAsString().length();
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element == null || element.isJsonNull() ? null : element.getAsJsonObject();
    }
}

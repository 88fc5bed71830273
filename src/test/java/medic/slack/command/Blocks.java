package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import medic.slack.SlackMessage;
import medic.slack.message.SlackLimits;

/** Reads a reply as Slack would: Block Kit within Slack's limits, its one section's mrkdwn text. */
public final class Blocks {

    private Blocks() {
    }

    /** The mrkdwn of the only section of a response body ({@code text} and {@code blocks}), checked against limits. */
    public static String sectionText(JsonObject body) {
        SlackMessage message = new SlackMessage(body.get("text").getAsString(), body.get("blocks").toString());
        return sectionText(message);
    }

    /** The mrkdwn of the only section of {@code message}, checked against Slack's limits. */
    public static String sectionText(SlackMessage message) {
        assertEquals(java.util.List.of(), SlackLimits.violations(message), message.blocksJson());
        JsonArray blocks = com.google.gson.JsonParser.parseString(message.blocksJson()).getAsJsonArray();
        assertEquals(1, blocks.size(), message.blocksJson());
        JsonObject section = blocks.get(0).getAsJsonObject();
        assertEquals("section", section.get("type").getAsString());
        JsonObject text = section.getAsJsonObject("text");
        assertEquals("mrkdwn", text.get("type").getAsString());
        assertTrue(text.get("verbatim").getAsBoolean(), "no automatic links or mentions in outside text");
        return text.get("text").getAsString();
    }
}

package medic.slack.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import medic.slack.SlackMessage;

/** The body of an immediate answer to a slash command: a message only the person who typed it sees. */
public final class Acks {

    private Acks() {
    }

    public static JsonObject ephemeral(SlackMessage message) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("text", message.text());
        body.add("blocks", JsonParser.parseString(message.blocksJson()));
        return body;
    }
}

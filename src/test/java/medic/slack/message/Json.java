package medic.slack.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import medic.slack.SlackMessage;

/** Reads a message's blocks back for structural assertions. */
final class Json {
    private Json() {
    }

    static JsonArray blocks(SlackMessage message) {
        return JsonParser.parseString(message.blocksJson()).getAsJsonArray();
    }

    static List<String> types(SlackMessage message) {
        List<String> types = new ArrayList<>();
        blocks(message).forEach(b -> types.add(b.getAsJsonObject().get("type").getAsString()));
        return types;
    }

    /** Every button of the message: in actions blocks and as section accessories. */
    static List<JsonObject> buttons(SlackMessage message) {
        List<JsonObject> buttons = new ArrayList<>();
        for (JsonElement element : blocks(message)) {
            JsonObject block = element.getAsJsonObject();
            if (block.has("elements") && block.get("type").getAsString().equals("actions")) {
                block.getAsJsonArray("elements").forEach(e -> buttons.add(e.getAsJsonObject()));
            }
            if (block.has("accessory")) {
                buttons.add(block.getAsJsonObject("accessory"));
            }
        }
        return buttons;
    }

    /** All text of the message's text objects, in order, one per line. */
    static String allText(SlackMessage message) {
        StringBuilder out = new StringBuilder();
        collect(blocks(message), out, null);
        return out.toString();
    }

    /** The text of the mrkdwn objects only: where Slack parses markup, mentions and links. */
    static String mrkdwnText(SlackMessage message) {
        StringBuilder out = new StringBuilder();
        collect(blocks(message), out, "mrkdwn");
        return out.toString();
    }

    private static void collect(JsonElement element, StringBuilder out, String type) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, out, type));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("type") && object.has("text") && object.get("text").isJsonPrimitive()
                    && (type == null || type.equals(object.get("type").getAsString()))) {
                out.append(object.get("text").getAsString()).append('\n');
            }
            object.entrySet().forEach(e -> collect(e.getValue(), out, type));
        }
    }
}

package medic.slack.action;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import medic.slack.ActionValue;

/**
 * What the reject dialog carries from the click to its submission, in the view's private_metadata: the
 * button's value, the channel and the click's response_url (a view submission has neither of its own).
 */
record RejectRequest(ActionValue value, String channelId, String responseUrl) {

    String toMetadata() {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("value", value.encode());
        metadata.addProperty("channel", channelId);
        metadata.addProperty("response_url", responseUrl);
        return metadata.toString();
    }

    /** @throws IllegalArgumentException when the metadata is not what {@link #toMetadata()} wrote */
    static RejectRequest fromMetadata(String metadata) {
        try {
            JsonObject json = JsonParser.parseString(metadata == null ? "" : metadata).getAsJsonObject();
            String channel = json.get("channel").getAsString();
            String responseUrl = json.get("response_url").getAsString();
            if (!responseUrl.startsWith("https://") && !responseUrl.startsWith("http://")) {
                throw new IllegalArgumentException("the reject dialog's response_url is not a URL: " + responseUrl);
            }
            return new RejectRequest(ActionValue.decode(json.get("value").getAsString()), channel, responseUrl);
        } catch (JsonSyntaxException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("the reject dialog's metadata is not medic's: " + metadata, e);
        }
    }
}

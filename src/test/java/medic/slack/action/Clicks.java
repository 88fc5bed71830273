package medic.slack.action;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import medic.slack.command.SlackTestApp;

/** Interactivity requests built from the captured Slack payloads under src/test/resources/slack. */
final class Clicks {

    static final String PROPOSAL = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final SlackTestApp slack;

    Clicks(SlackTestApp slack) {
        this.slack = slack;
    }

    /** A block_actions body: {@code userId} clicked {@code actionId} carrying {@code value}, at {@code actionTs}. */
    String click(String actionId, String value, String userId, String channelId, String actionTs) {
        JsonObject payload = fixture("slack/block_actions.json");
        payload.getAsJsonObject("user").addProperty("id", userId);
        payload.getAsJsonObject("channel").addProperty("id", channelId);
        payload.getAsJsonObject("container").addProperty("channel_id", channelId);
        JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("value", value);
        action.addProperty("action_ts", actionTs);
        return SlackTestApp.interaction(payload.toString());
    }

    /** A view_submission of the reject dialog by {@code userId} with {@code reason} typed in. */
    String rejectSubmission(String userId, String reason) {
        JsonObject payload = fixture("slack/view_submission.json");
        payload.getAsJsonObject("user").addProperty("id", userId);
        payload.getAsJsonObject("view").getAsJsonObject("state").getAsJsonObject("values")
                .getAsJsonObject("reason").getAsJsonObject("reason_text").addProperty("value", reason);
        return SlackTestApp.interaction(payload.toString());
    }

    String rejectSubmissionWithMetadata(String userId, String metadata) {
        JsonObject payload = fixture("slack/view_submission.json");
        payload.getAsJsonObject("user").addProperty("id", userId);
        payload.getAsJsonObject("view").addProperty("private_metadata", metadata);
        return SlackTestApp.interaction(payload.toString());
    }

    private JsonObject fixture(String resource) {
        return JsonParser.parseString(slack.onWireMock(SlackTestApp.fixture(resource))).getAsJsonObject();
    }
}

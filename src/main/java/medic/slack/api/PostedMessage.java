package medic.slack.api;

import java.util.Objects;

/** Where Slack put a posted message: the channel id (C...) and the message's ts, which names it for replies and updates. */
public record PostedMessage(String channel, String ts) {
    public PostedMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
    }
}

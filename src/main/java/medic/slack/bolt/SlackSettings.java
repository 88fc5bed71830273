package medic.slack.bolt;

import java.util.Objects;

/**
 * How medic talks to Slack: the bot token, the signing secret that verifies HTTP requests, the app-level token
 * that switches to Socket Mode, and the Web API base URL. {@link #toString()} hides the secrets.
 *
 * @param signingSecret null in Socket Mode, where Slack's requests arrive over medic's own WebSocket
 * @param appToken      null for HTTP mode ({@code POST /slack/events})
 * @param apiUrl        Web API base ending in {@code /}, e.g. {@code https://slack.com/api/}
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (appToken == null && (signingSecret == null || signingSecret.isBlank())) {
            throw new IllegalArgumentException("HTTP mode needs the signing secret (or an app token for Socket Mode)");
        }
    }

    /** True when Slack's requests come over Socket Mode rather than {@code POST /slack/events}. */
    public boolean socketMode() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=***, signingSecret=" + (signingSecret == null ? "" : "***")
                + ", appToken=" + (appToken == null ? "" : "***") + ", apiUrl=" + apiUrl + "]";
    }
}

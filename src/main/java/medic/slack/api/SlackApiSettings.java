package medic.slack.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How medic reaches Slack's Web API: the base URL ({@code SLACK_API_URL}, Slack's own by default; set it for a
 * proxy or a test stand-in), the bot token ({@code SLACK_BOT_TOKEN}) and the time one HTTP call may take.
 * {@link #toString()} hides the token.
 */
public record SlackApiSettings(String baseUrl, String botToken, Duration callTimeout) {

    public static final String DEFAULT_BASE_URL = "https://slack.com/api/";
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

    public SlackApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLACK_API_URL \"" + baseUrl + "\" is not a URL; use e.g. "
                    + DEFAULT_BASE_URL, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("SLACK_API_URL \"" + baseUrl + "\" must be an http(s) URL such as "
                    + DEFAULT_BASE_URL);
        }
        // The SDK appends the method name to the prefix as is: "https://slack.com/api" would call ".../apichat.update".
        baseUrl = baseUrl.trim().endsWith("/") ? baseUrl.trim() : baseUrl.trim() + "/";
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is empty; set it to the app's bot token (xoxb-...)");
        }
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("the Slack call timeout must be positive, got " + callTimeout);
        }
    }

    /** Slack's own API with the default timeout. */
    public static SlackApiSettings of(String botToken) {
        return new SlackApiSettings(DEFAULT_BASE_URL, botToken, DEFAULT_CALL_TIMEOUT);
    }

    public SlackApiSettings withBaseUrl(String url) {
        return new SlackApiSettings(url, botToken, callTimeout);
    }

    @Override
    public String toString() {
        return "SlackApiSettings[baseUrl=" + baseUrl + ", botToken=***, callTimeout=" + callTimeout + "]";
    }
}

package medic.slack.api;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import medic.slack.api.SlackCallException.Retry;

/** Sorts Slack's failures into retry after, retry with backoff, and never. */
final class SlackFailures {

    /** When Slack rate-limits without saying for how long (it normally sends Retry-After). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * The {@code ok:false} errors Slack documents as transient; every other error code (channel_not_found,
     * invalid_auth, msg_too_long, not_in_channel, invalid_blocks...) fails the same way on every retry.
     */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout");

    private SlackFailures() {
    }

    /** The SDK throws for any HTTP status but 200; a 429 carries Retry-After in seconds. */
    static SlackCallException of(String method, SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        String retryAfter = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
        String slackError = e.getError() == null ? null : e.getError().getError();
        return httpFailure(method, status, retryAfter, slackError != null ? slackError : e.getResponseBody(), e);
    }

    /** A non-2xx HTTP answer of a method, an upload URL or a response_url. */
    static SlackCallException httpFailure(String method, int status, String retryAfterHeader, String body,
            Throwable cause) {
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : " " + abbreviate(body.strip()));
        if (status == 429) {
            return new SlackCallException(method, error, Retry.AFTER, retryAfter(retryAfterHeader), cause);
        }
        if (status >= 500 || status == 408) {
            return new SlackCallException(method, error, Retry.BACKOFF, null, cause);
        }
        return new SlackCallException(method, error, Retry.NEVER, null, cause);
    }

    static SlackCallException notOk(String method, String slackError) {
        String error = slackError == null || slackError.isBlank() ? "ok:false without an error code" : slackError;
        if ("ratelimited".equals(error) || "rate_limited".equals(error)) {
            return new SlackCallException(method, error, Retry.AFTER, DEFAULT_RETRY_AFTER, null);
        }
        Retry retry = TRANSIENT_ERRORS.contains(error) ? Retry.BACKOFF : Retry.NEVER;
        return new SlackCallException(method, error, retry, null, null);
    }

    static SlackCallException network(String method, IOException e) {
        return new SlackCallException(method, "network: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + abbreviate(e.getMessage())), Retry.BACKOFF, null, e);
    }

    static SlackCallException unreadable(String method, RuntimeException e) {
        return new SlackCallException(method, "unreadable response: " + abbreviate(String.valueOf(e.getMessage())),
                Retry.BACKOFF, null, e);
    }

    /** Retry-After is a number of seconds (an HTTP date is allowed too, but Slack does not send one). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}

package medic.slack.api;

import java.time.Duration;
import java.util.Objects;
import medic.MedicException;

/**
 * A Slack call that did not succeed, with what to do about it: retry after the time Slack asked for (HTTP 429),
 * retry with backoff (5xx, network, Slack's own internal errors), or never (an {@code ok:false} error such as
 * {@code channel_not_found} that the same request will always get).
 *
 * @param method the Web API method, e.g. {@code chat.postMessage}, or {@code response_url}
 * @param error  Slack's error code, {@code HTTP 503}, or the network failure, short enough for a log line
 */
public final class SlackCallException extends MedicException {

    /** Whether retrying the same call can succeed. */
    public enum Retry {
        /** Slack rate-limited the call: retry after {@link #retryAfter()}. */
        AFTER,
        /** A transient failure: retry with backoff. */
        BACKOFF,
        /** The same request will fail again. */
        NEVER
    }

    private final String method;
    private final String error;
    private final Retry retry;
    private final Duration retryAfter;

    public SlackCallException(String method, String error, Retry retry, Duration retryAfter, Throwable cause) {
        super(method + " failed: " + error + switch (retry) {
            case AFTER -> " (rate limited; retry after " + retryAfter.toMillis() + " ms)";
            case BACKOFF -> " (transient; retry)";
            case NEVER -> " (retrying cannot help)";
        }, cause);
        this.method = Objects.requireNonNull(method, "method");
        this.error = Objects.requireNonNull(error, "error");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.retryAfter = retry == Retry.AFTER ? Objects.requireNonNull(retryAfter, "retryAfter") : Duration.ZERO;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }

    public Retry retry() {
        return retry;
    }

    /** How long Slack asked to wait (Retry-After); zero unless {@link #retry()} is {@link Retry#AFTER}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

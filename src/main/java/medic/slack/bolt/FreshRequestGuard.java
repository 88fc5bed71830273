package medic.slack.bolt;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;

/**
 * Refuses an HTTP request from "Slack" that lacks its signature headers or is stamped more than five minutes in the
 * future. Bolt's signature check refuses stale timestamps but accepts future ones, which would let a captured
 * request be replayed for as long as its stamp is ahead. Socket Mode requests carry no headers and pass.
 */
final class FreshRequestGuard implements Middleware {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    FreshRequestGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware declares the raw type
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (request.isSocketMode()) {
            return chain.next(request);
        }
        String timestamp = request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null) {
            return refuse("missing X-Slack-Signature or X-Slack-Request-Timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return refuse("X-Slack-Request-Timestamp is not a number");
        }
        if (seconds > clock.instant().plus(MAX_SKEW).getEpochSecond()) {
            return refuse("X-Slack-Request-Timestamp is in the future");
        }
        return chain.next(request);
    }

    private static Response refuse(String reason) {
        return Response.json(401, "{\"error\":\"" + reason + "\"}");
    }
}

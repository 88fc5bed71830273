package medic.slack.action;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import medic.slack.SlackFeature;
import medic.slack.claim.RequestKeys;
import medic.slack.command.DuplicateGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API deliveries reach medic's event handlers once: Slack redelivers an event whose acknowledgement was late
 * (with X-Slack-Retry-Num, possibly to another replica), and a delivery whose event_id this replica or another one
 * already took on is acknowledged here and goes no further. Installed after the signature check, so only Slack's
 * own requests can claim an event_id.
 */
final class EventsOnce implements SlackFeature, Middleware {

    private static final Logger log = LoggerFactory.getLogger(EventsOnce.class);

    private final DuplicateGuard duplicates;

    EventsOnce(DuplicateGuard duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public void install(App app) {
        app.use(this);
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware declares the raw type
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (request.getRequestType() != RequestType.Event) {
            return chain.next(request);
        }
        String eventId = eventId(request.getRequestBodyAsString());
        if (eventId == null) {
            return chain.next(request);
        }
        String key = RequestKeys.event(eventId);
        if (duplicates.see(key, key) != DuplicateGuard.Sighting.NEW) {
            log.info("dropped a repeated delivery of event {} (retry {})", eventId,
                    request.getHeaders() == null ? null : request.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            return Response.ok();
        }
        return chain.next(request);
    }

    private static String eventId(String body) {
        try {
            JsonElement id = JsonParser.parseString(body).getAsJsonObject().get("event_id");
            return id == null || !id.isJsonPrimitive() ? null : id.getAsString();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}

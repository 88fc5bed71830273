package medic.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/** Writes the webhook's JSON answers: {@code {"error": "..."}} for refusals, counts for accepted deliveries. */
final class WebhookResponse {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookResponse() {
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    static void json(Context ctx, int status, Map<String, ?> body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook answer as JSON", e);
        }
        ctx.status(status).contentType("application/json").result(json);
    }
}

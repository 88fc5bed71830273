package medic.alert;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import medic.MedicException;
import medic.incident.AlertIntake;
import medic.incident.IntakeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/alertmanager}: Alertmanager's webhook receiver. In order: authentication (401), content type
 * (415), body size (413, before anything is parsed), payload (400 naming the field), then the alerts are stored
 * and 202 answers only once they are committed. A refused request stores nothing and triggers nothing. A
 * database failure answers 503, which Alertmanager retries; 4xx it does not.
 */
public final class AlertmanagerWebhook implements Handler {

    public static final String PATH = "/hooks/alertmanager";
    /** 1 MiB holds about a thousand alerts; set Alertmanager's max_alerts to stay below the limit. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerWebhook.class);

    private final WebhookAuth auth;
    private final long maxBodyBytes;
    private final PayloadParser parser = new PayloadParser();
    private final AlertIntake intake;

    public AlertmanagerWebhook(WebhookAuth auth, long maxBodyBytes, AlertIntake intake) {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the webhook body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
        this.intake = intake;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        if (!auth.permits(ctx.header("Authorization"))) {
            auth.challenges().forEach(challenge -> ctx.res().addHeader("WWW-Authenticate", challenge));
            WebhookResponse.error(ctx, 401, "missing or wrong credentials: send the webhook token configured in"
                    + " medic as Alertmanager's http_config authorization (Bearer) or basic_auth");
            return;
        }
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            WebhookResponse.error(ctx, 415, "Content-Type must be application/json, got "
                    + (contentType == null ? "none" : "\"" + contentType + "\""));
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        Optional<byte[]> body = declared > maxBodyBytes ? Optional.empty()
                : BoundedBody.read(ctx.req().getInputStream(), maxBodyBytes, declared);
        if (body.isEmpty()) {
            WebhookResponse.error(ctx, 413, "body larger than " + maxBodyBytes + " bytes: lower max_alerts in"
                    + " Alertmanager's webhook_config or raise medic's webhook body limit");
            return;
        }
        WebhookPayload payload;
        try {
            payload = parser.parse(body.get());
        } catch (PayloadException e) {
            WebhookResponse.error(ctx, 400, e.getMessage());
            return;
        }
        accept(ctx, payload);
    }

    private void accept(Context ctx, WebhookPayload payload) {
        IntakeResult result;
        try {
            result = intake.accept(payload.alerts());
        } catch (MedicException e) {
            LOG.error("alerts of group {} from receiver {} not stored, answered 503 for Alertmanager to retry: {}",
                    payload.groupKey(), payload.receiver(), e.getMessage(), e);
            WebhookResponse.error(ctx, 503, "medic cannot store the alerts right now; Alertmanager will retry");
            return;
        } catch (RuntimeException e) {
            LOG.error("alerts of group {} from receiver {} not stored because of a bug, answered 500: {}",
                    payload.groupKey(), payload.receiver(), e, e);
            WebhookResponse.error(ctx, 500, "medic failed to store the alerts; see its log");
            return;
        }
        if (payload.truncatedAlerts() > 0) {
            LOG.warn("Alertmanager left out {} alerts of group {} (receiver {}, max_alerts): medic never sees them;"
                    + " raise max_alerts in the webhook_config", payload.truncatedAlerts(), payload.groupKey(),
                    payload.receiver());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", result.alerts());
        body.put("new", result.newOccurrences());
        body.put("resolved", result.resolutions());
        body.put("duplicates", result.duplicates());
        body.put("truncatedAlerts", payload.truncatedAlerts());
        WebhookResponse.json(ctx, 202, body);
    }
}

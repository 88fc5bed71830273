package medic.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The webhook's Authorization check, as Alertmanager's http_config sends it. */
class WebhookSettingsTest {
    private static final String TOKEN = "medic-test-webhook-token-0123456789";

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accepts_the_bearer_token_and_nothing_like_it() {
        WebhookSettings webhook = new WebhookSettings(TOKEN, null, null, 262144);
        assertTrue(webhook.accepts("Bearer " + TOKEN));
        assertTrue(webhook.accepts("bearer " + TOKEN));
        assertFalse(webhook.accepts("Bearer " + TOKEN + "x"));
        assertFalse(webhook.accepts("Bearer " + TOKEN.substring(1)));
        assertFalse(webhook.accepts(TOKEN));
        assertFalse(webhook.accepts(basic("alertmanager", TOKEN)));
        assertFalse(webhook.accepts(null));
    }

    @Test
    void accepts_basic_auth_with_both_user_and_password() {
        WebhookSettings webhook = new WebhookSettings(null, "alertmanager", "s3cret-pass", 262144);
        assertTrue(webhook.accepts(basic("alertmanager", "s3cret-pass")));
        assertFalse(webhook.accepts(basic("alertmanager", "wrong")));
        assertFalse(webhook.accepts(basic("someone", "s3cret-pass")));
        assertFalse(webhook.accepts("Bearer s3cret-pass"));
    }

    @Test
    void never_prints_its_secrets() {
        String printed = new WebhookSettings(TOKEN, "alertmanager", "s3cret-pass", 1024).toString();
        assertFalse(printed.contains(TOKEN), printed);
        assertFalse(printed.contains("s3cret-pass"), printed);
    }
}

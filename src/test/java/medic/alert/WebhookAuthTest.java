package medic.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {

    private final WebhookAuth both = new WebhookAuth("s3cret-webhook-token", "alertmanager", "s3cret-basic");

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void permits_the_bearer_token_alertmanager_sends_from_authorization_credentials() {
        assertTrue(both.permits("Bearer s3cret-webhook-token"));
        assertTrue(both.permits("bearer s3cret-webhook-token"), "the scheme is case-insensitive");
    }

    @Test
    void permits_the_basic_credentials_alertmanager_sends_from_basic_auth() {
        assertTrue(both.permits("Basic YWxlcnRtYW5hZ2VyOnMzY3JldC1iYXNpYw=="), "as captured from Alertmanager 0.25");
        assertTrue(both.permits(basic("alertmanager", "s3cret-basic")));
    }

    @Test
    void refuses_wrong_missing_or_mangled_credentials() {
        assertFalse(both.permits(null));
        assertFalse(both.permits(""));
        assertFalse(both.permits("Bearer"));
        assertFalse(both.permits("Bearer s3cret-webhook-tokeN"));
        assertFalse(both.permits("Bearer s3cret-webhook-token-and-more"));
        assertFalse(both.permits("s3cret-webhook-token"));
        assertFalse(both.permits(basic("alertmanager", "wrong")));
        assertFalse(both.permits(basic("someone", "s3cret-basic")));
        assertFalse(both.permits("Basic not*base64"));
        assertFalse(both.permits("Token s3cret-webhook-token"));
    }

    @Test
    void accepts_only_the_configured_schemes() {
        WebhookAuth bearerOnly = new WebhookAuth("s3cret-webhook-token", null, null);

        assertFalse(bearerOnly.permits(basic("alertmanager", "s3cret-basic")));
        assertEquals(List.of("Bearer realm=\"medic\""), bearerOnly.challenges());
        assertEquals(2, both.challenges().size());
    }

    @Test
    void refuses_to_run_the_webhook_without_any_credentials() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new WebhookAuth(null, "", null));
        assertTrue(error.getMessage().contains("accepts no unauthenticated alerts"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookAuth(null, "alertmanager", ""));
    }
}

package medic.slack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackApiSettingsTest {

    @Test
    void defaults_to_slacks_own_api() {
        assertEquals("https://slack.com/api/", SlackApiSettings.of("xoxb-1").baseUrl());
    }

    @Test
    void ends_the_base_url_with_a_slash_so_method_names_append_cleanly() {
        assertEquals("http://proxy:8080/slack/api/",
                new SlackApiSettings("http://proxy:8080/slack/api", "xoxb-1", Duration.ofSeconds(5)).baseUrl());
    }

    @Test
    void rejects_a_base_url_that_is_not_http_naming_the_setting() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new SlackApiSettings("ftp://slack.com/api/", "xoxb-1", Duration.ofSeconds(5)));
        assertTrue(failure.getMessage().startsWith("SLACK_API_URL"), failure.getMessage());
    }

    @Test
    void rejects_an_empty_token_naming_the_setting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlackApiSettings.of(" ")).getMessage()
                .startsWith("SLACK_BOT_TOKEN"));
    }

    @Test
    void hides_the_token_when_printed() {
        assertFalse(SlackApiSettings.of("xoxb-secret").toString().contains("secret"));
    }
}

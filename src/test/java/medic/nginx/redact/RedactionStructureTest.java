package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What redaction promises beyond masking: line numbers, counts, merging, robustness on odd input. */
class RedactionStructureTest {

    private final Redactor redactor = new Redactor();

    @Test
    void counts_masks_per_kind() {
        Redaction redaction = redactor.redactLog("GET /a?token=t0k3n1&password=pw1 Bearer 0a1b2c3d4e5f6a7b8c9d");

        assertEquals(Map.of(SecretKind.TOKEN, 1, SecretKind.PASSWORD, 1, SecretKind.BEARER_TOKEN, 1),
                redaction.maskedByKind());
        assertEquals(3, redaction.maskedCount());
        assertEquals(Set.of(SecretKind.TOKEN, SecretKind.PASSWORD, SecretKind.BEARER_TOKEN), redaction.kinds());
    }

    @Test
    void reports_nothing_for_text_without_secrets() {
        Redaction redaction = redactor.redactConfig("events { worker_connections 1024; }\n");

        assertEquals(0, redaction.maskedCount());
        assertTrue(redaction.kinds().isEmpty());
    }

    @Test
    void merges_detections_of_one_secret_into_a_single_mask() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJlLXZhbHVl";

        Redaction redaction = redactor.redactText("Authorization: Bearer " + jwt);

        assertEquals("Authorization: Bearer <redacted:jwt>", redaction.text());
        assertEquals(1, redaction.maskedCount());
    }

    @Test
    void a_multi_line_quoted_secret_keeps_its_line_breaks() {
        String config = "set $api_key \"first-half-of-the-key\nsecond-half-of-the-key\";\nlisten 80;\n";

        Redaction redaction = redactor.redactConfig(config);

        assertEquals("set $api_key \"<redacted:api-key>\n\";\nlisten 80;\n", redaction.text());
    }

    @Test
    void keeps_windows_line_endings() {
        String log = "password=abc123\r\nok\r\n";

        assertEquals("password=<redacted:password>\r\nok\r\n", redactor.redactLog(log).text());
    }

    @Test
    void masks_a_truncated_private_key_that_has_no_end_line() {
        String paste = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n"
                + "(output truncated)\n";

        assertEquals("-----BEGIN PRIVATE KEY-----\n<redacted:private-key>\n\n(output truncated)\n",
                redactor.redactText(paste).text());
    }

    @Test
    void an_unbalanced_quote_in_free_text_does_not_hide_the_next_directive() {
        String text = "echo \"starting\nproxy_set_header X-Api-Key abc123secret;\n";

        assertEquals("echo \"starting\nproxy_set_header X-Api-Key <redacted:api-key>;\n", redactor.redactText(text).text());
    }

    @Test
    void nginx_minus_T_file_markers_reset_block_nesting() {
        String dump = "# configuration file /etc/nginx/nginx.conf:\nmap $http_x_api_key $client {\n"
                + "# configuration file /etc/nginx/conf.d/a.conf:\nproxy_set_header X-Token tkn-8812;\n";

        assertEquals("# configuration file /etc/nginx/nginx.conf:\nmap $http_x_api_key $client {\n"
                + "# configuration file /etc/nginx/conf.d/a.conf:\nproxy_set_header X-Token <redacted:token>;\n",
                redactor.redactConfig(dump).text());
    }

    @Test
    void directive_arguments_split_over_lines_are_still_recognised_in_config_mode() {
        String config = "proxy_set_header\n    X-Api-Key\n    k3y-over-lines;\n";

        assertEquals("proxy_set_header\n    X-Api-Key\n    <redacted:api-key>;\n", redactor.redactConfig(config).text());
    }

    @Test
    void pathological_input_keeps_its_shape() {
        String input = "a=".repeat(20_000) + "\n" + ":".repeat(20_000) + "\n" + "password=" + "z".repeat(10_000)
                + "y\n" + "eyJ" + "a".repeat(50_000) + "\n" + "http://" + "u:".repeat(5_000) + "\n";

        Redaction redaction = redactor.redactText(input);

        assertEquals(input.split("\n", -1).length, redaction.text().split("\n", -1).length);
        assertTrue(redaction.text().contains("password=<redacted:password>"));
    }

    @Test
    void rejects_null_input_by_naming_the_parameter() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> redactor.redactLog(null));

        assertEquals("errorLogText must not be null", error.getMessage());
    }
}

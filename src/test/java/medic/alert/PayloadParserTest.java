package medic.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import medic.incident.Alert;
import medic.incident.AlertStatus;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadParserTest {

    private final PayloadParser parser = new PayloadParser();

    static String fixture(String name) {
        try {
            return Files.readString(TestResources.path("alertmanager/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookPayload parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_a_real_firing_notification() {
        WebhookPayload payload = parse(fixture("firing.json"));

        assertEquals("4", payload.version());
        assertEquals("medic", payload.receiver());
        assertEquals("firing", payload.status());
        assertEquals("{}:{alertname=\"NginxUpstreamResets\", host=\"edge-1\"}", payload.groupKey());
        assertEquals(0, payload.truncatedAlerts());
        assertEquals("edge-1", payload.groupLabels().get("host"));
        assertEquals("http://vm:9193", payload.externalUrl());
        Alert alert = payload.alerts().get(0);
        assertEquals("d6ce798ff250be33", alert.fingerprint());
        assertEquals(AlertStatus.FIRING, alert.status());
        assertEquals(Instant.parse("2026-11-24T01:54:52.107723649Z"), alert.startsAt());
        assertNull(alert.endsAt(), "Go's zero time means not ended");
        assertEquals("checkout", alert.labels().get("upstream"));
        assertEquals("Upstream checkout resets connections on edge-1", alert.annotations().get("summary"));
        assertTrue(alert.generatorUrl().startsWith("http://prometheus.example.net:9090/graph?g0.expr="));
    }

    @Test
    void reads_a_real_multi_alert_notification_with_labels_verbatim() {
        WebhookPayload payload = parse(fixture("multi-alert.json"));

        assertEquals(2, payload.alerts().size());
        assertEquals("/api/$(reboot);`id`|&>", payload.alerts().get(1).labels().get("path"));
    }

    @Test
    void reads_a_real_resolved_notification_with_end_times() {
        WebhookPayload payload = parse(fixture("resolved.json"));

        assertEquals("resolved", payload.status());
        assertTrue(payload.alerts().stream().allMatch(alert -> alert.status() == AlertStatus.RESOLVED));
        assertEquals(Instant.parse("2026-11-24T01:55:09Z"), payload.alerts().get(0).endsAt());
    }

    @Test
    void reads_how_many_alerts_alertmanager_left_out() {
        WebhookPayload payload = parse(fixture("truncated.json"));

        assertEquals(1, payload.truncatedAlerts());
        assertEquals(2, payload.alerts().size());
    }

    @Test
    void accepts_a_payload_from_before_truncated_alerts_existed_and_ignores_fields_it_does_not_know() {
        String older = fixture("firing.json").replace(",\"truncatedAlerts\":0", ",\"orgId\":1");

        assertEquals(0, parse(older).truncatedAlerts());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"version\":\"4\"|\"version\":\"5\"|version: unsupported webhook payload version \"5\"",
        "\"version\":\"4\"|\"version\":4|version: expected a string, got a number",
        "\"version\":\"4\",|''|version: missing",
        "\"status\":\"firing\",\"alerts\"|\"status\":\"burning\",\"alerts\"|status: expected \"firing\" or \"resolved\"",
        "\"alerts\":[|\"alerts\":\"none\",\"x\":[|alerts: expected an array, got a string",
        "\"startsAt\":\"2026-11-24T01:54:52.107723649Z\"|\"startsAt\":\"yesterday\"|alerts[0].startsAt: not an RFC 3339 time",
        "\"startsAt\":\"2026-11-24T01:54:52.107723649Z\"|\"startsAt\":\"2026-11-24 01:54:52Z\"|alerts[0].startsAt: not an RFC 3339 time",
        "\"startsAt\":\"2026-11-24T01:54:52.107723649Z\"|\"startsAt\":\"2026-02-30T01:54:52Z\"|alerts[0].startsAt: not a valid date or time",
        "\"startsAt\":\"2026-11-24T01:54:52.107723649Z\"|\"startsAt\":\"0001-01-01T00:00:00Z\"|alerts[0].startsAt: must be set",
        "\"startsAt\":\"2026-11-24T01:54:52.107723649Z\",|''|alerts[0].startsAt: missing",
        "\"endsAt\":\"0001-01-01T00:00:00Z\"|\"endsAt\":17|alerts[0].endsAt: expected a string, got a number",
        "\"fingerprint\":\"d6ce798ff250be33\"|\"fingerprint\":\"d6ce 798f\"|alerts[0].fingerprint: expected up to 64",
        "\"fingerprint\":\"d6ce798ff250be33\"|\"fingerprint\":null|alerts[0].fingerprint: missing",
        "\"status\":\"firing\",\"labels\"|\"status\":true,\"labels\"|alerts[0].status: expected a string, got a boolean",
        "\"job\":\"nginx\"|\"job\":9113|alerts[0].labels.job: expected a string, got a number",
        "\"labels\":{|\"labels\":[],\"x\":{|alerts[0].labels: expected a JSON object, got an array",
        "\"summary\":\"Upstream|\"summary\":[],\"s\":\"Upstream|alerts[0].annotations.summary: expected a string, got an array",
        "\"generatorURL\":\"http|\"generatorURL\":false,\"g\":\"http|alerts[0].generatorURL: expected a string, got a boolean",
        "\"truncatedAlerts\":0|\"truncatedAlerts\":-1|truncatedAlerts: expected a whole number of 0 or more",
        "\"truncatedAlerts\":0|\"truncatedAlerts\":\"1\"|truncatedAlerts: expected a whole number of 0 or more",
        "\"groupLabels\":{|\"groupLabels\":\"x\",\"g\":{|groupLabels: expected a JSON object, got a string",
        "\"receiver\":\"medic\"|\"receiver\":{}|receiver: expected a string, got an object",
        "\"receiver\":\"medic\",|\"receiver\":\"medic\",\"receiver\":\"other\",|body: not valid JSON at line 1",
        "\"truncatedAlerts\":0}|\"truncatedAlerts\":0}{}|body: unexpected content after the JSON object",
        "\"truncatedAlerts\":0}|\"truncatedAlerts\":0|body: not valid JSON",
    })
    void refuses_a_malformed_field_and_names_it(String original, String replacement, String expected) {
        String json = fixture("firing.json");
        assertTrue(json.contains(original), "fixture contains " + original);

        PayloadException error = assertThrows(PayloadException.class, () -> parse(json.replace(original, replacement)));

        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
    }

    @Test
    void names_the_index_of_the_alert_at_fault() {
        String json = fixture("multi-alert.json").replace("\"startsAt\":\"2026-11-24T01:54:59.592981956Z\"",
                "\"startsAt\":\"soon\"");

        PayloadException error = assertThrows(PayloadException.class, () -> parse(json));

        assertTrue(error.getMessage().startsWith("alerts[1].startsAt: not an RFC 3339 time"), error.getMessage());
    }

    @Test
    void a_resolved_alert_without_an_end_is_refused() {
        String json = fixture("resolved.json").replace("\"endsAt\":\"2026-11-24T01:55:09Z\"", "\"endsAt\":\"0001-01-01T00:00:00Z\"");

        PayloadException error = assertThrows(PayloadException.class, () -> parse(json));

        assertTrue(error.getMessage().startsWith("alerts[0].endsAt: a resolved alert needs the time it ended"),
                error.getMessage());
    }

    @Test
    void refuses_bodies_that_are_not_a_json_object() {
        assertEquals("body: empty; expected Alertmanager's webhook JSON",
                assertThrows(PayloadException.class, () -> parse("")).getMessage());
        assertEquals("body: expected a JSON object, got an array",
                assertThrows(PayloadException.class, () -> parse("[1]")).getMessage());
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"version\":")).getMessage()
                .startsWith("body: not valid JSON"));
    }
}

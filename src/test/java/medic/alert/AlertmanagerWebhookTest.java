package medic.alert;

import static medic.alert.PayloadParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import medic.incident.IntakeFixture;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerWebhookTest {

    @TempDir
    Path directory;

    private IntakeFixture fixture;
    private WebhookServer server;

    @BeforeEach
    void start() {
        fixture = new IntakeFixture(TestDatabase.h2In(directory));
        server = new WebhookServer(fixture.intake);
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    private void assertNothingHappened() {
        assertEquals(0, fixture.storedAlerts(), "alerts stored");
        assertEquals(0, fixture.storedIncidents(), "incidents stored");
        assertEquals(List.of(), fixture.events.lines(), "events");
    }

    private static void assertError(HttpResponse<String> response, int status, String start) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body().startsWith("{\"error\":\"" + start), response.body());
    }

    @Test
    void accepts_a_real_delivery_only_once_it_is_stored() {
        HttpResponse<String> response = server.post(fixture("firing.json"));

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("{\"alerts\":1,\"new\":1,\"resolved\":0,\"duplicates\":0,\"truncatedAlerts\":0}", response.body());
        assertEquals(1, fixture.storedAlerts());
        assertTrue(fixture.events.lines().get(0).matches("opened #\\d+ edge-1/checkout \\[d6ce798ff250be33]"));
    }

    @Test
    void the_captured_sequence_opens_repeats_and_resolves_one_incident() {
        server.post(fixture("firing.json"));
        server.post(fixture("multi-alert.json"));
        server.post(fixture("multi-alert.json"));
        HttpResponse<String> resolved = server.post(fixture("resolved.json"));

        assertEquals(202, resolved.statusCode());
        List<String> kinds = fixture.events.lines().stream().map(line -> line.replaceAll(" #\\d+", "")).toList();
        assertEquals(List.of("opened edge-1/checkout [d6ce798ff250be33]", "opened edge-1/payments [6cf05a3f05264b68]",
                "resolved edge-1/checkout", "resolved edge-1/payments"), kinds);
        assertEquals(List.of(), fixture.store.open());
    }

    @Test
    void accepts_basic_auth_as_alertmanager_sends_it() {
        HttpResponse<String> response = server.send(server.request().header("Content-Type", "application/json")
                .header("Authorization", "Basic YWxlcnRtYW5hZ2VyOnMzY3JldC1iYXNpYw==")
                .POST(HttpRequest.BodyPublishers.ofString(fixture("truncated.json"))).build());

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.body().endsWith("\"truncatedAlerts\":1}"), response.body());
        assertEquals(2, fixture.storedAlerts());
    }

    @Test
    void refuses_a_missing_or_wrong_credential_with_a_challenge_and_does_nothing() {
        for (String authorization : new String[] {null, "Bearer wrong", "Basic YWxlcnRtYW5hZ2VyOndyb25n"}) {
            HttpRequest.Builder request = server.request().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(fixture("firing.json")));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = server.send(request.build());

            assertError(response, 401, "missing or wrong credentials");
            assertEquals(List.of("Bearer realm=\"medic\"", "Basic realm=\"medic\", charset=\"UTF-8\""),
                    response.headers().allValues("WWW-Authenticate"));
        }
        assertNothingHappened();
    }

    @Test
    void refuses_a_malformed_payload_naming_the_field_and_does_nothing() {
        String json = fixture("multi-alert.json").replace("\"startsAt\":\"2026-11-24T01:54:59.592981956Z\"",
                "\"startsAt\":\"tomorrow\"");

        HttpResponse<String> response = server.post(json);

        assertError(response, 400, "alerts[1].startsAt: not an RFC 3339 time");
        assertNothingHappened();
    }

    @Test
    void refuses_an_unsupported_version() {
        assertError(server.post(fixture("firing.json").replace("\"version\":\"4\"", "\"version\":\"5\"")), 400,
                "version: unsupported webhook payload version");
        assertNothingHappened();
    }

    @Test
    void refuses_a_body_over_the_limit_whether_declared_or_streamed() {
        String padding = "x".repeat((int) WebhookServer.LIMIT);
        String oversized = fixture("firing.json").replace("\"receiver\":\"medic\"", "\"receiver\":\"" + padding + "\"");

        assertError(server.post(oversized), 413, "body larger than 65536 bytes");
        byte[] bytes = oversized.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = server.send(server.request().header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + WebhookServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
        assertError(chunked, 413, "body larger than 65536 bytes");
        assertNothingHappened();
    }

    @Test
    void refuses_a_body_that_is_not_json() {
        HttpResponse<String> response = server.send(server.request().header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + WebhookServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(fixture("firing.json"))).build());

        assertError(response, 415, "Content-Type must be application/json, got \\\"text/plain\\\"");
        assertNothingHappened();
    }

    @Test
    void answers_503_for_alertmanager_to_retry_when_the_database_is_gone() {
        fixture.database.close();

        assertError(server.post(fixture("firing.json")), 503, "medic cannot store the alerts right now");
        assertEquals(List.of(), fixture.events.lines());
    }
}

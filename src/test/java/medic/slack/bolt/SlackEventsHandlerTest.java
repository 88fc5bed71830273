package medic.slack.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import medic.server.HttpSettings;
import medic.server.MedicServer;
import medic.server.Route;
import medic.slack.SlackFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /slack/events through Javalin into Bolt: only fresh requests signed with the app's secret get through. */
class SlackEventsHandlerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private FakeSlackApi slack;
    private MedicServer server;
    private String body;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        SlackFeature medicCommand = app -> app.command("/medic", (request, context) -> {
            commands.add(request.getPayload().getUserId() + " " + request.getPayload().getText());
            return context.ack("on it");
        });
        App app = SlackApps.build(slack.httpSettings(), registry, List.of(medicCommand));
        server = MedicServer.start(HttpSettings.loopback(), registry, Map.of(),
                List.of(Route.post(SlackEventsHandler.PATH, new SlackEventsHandler(app))));
        body = FakeSlackApi.fixture("slash-command.txt").replace("{{response_url}}",
                URLEncoder.encode(slack.wireMock().baseUrl() + "/commands/T0MEDIC01/1/abc", StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
    }

    private HttpResponse<String> send(String payload, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + SlackEventsHandler.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signed(String secret, long timestamp, String payload) {
        String ts = String.valueOf(timestamp);
        return Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(secret).generate(ts, payload));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void a_signed_slash_command_reaches_its_handler_and_the_ack_comes_back() throws Exception {
        HttpResponse<String> response = send(body, signed(FakeSlackApi.SIGNING_SECRET, now(), body));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("on it"), response.body());
        assertEquals(List.of("U01ALICE diagnose edge-1"), commands);
        assertTrue(registry.scrape().contains("medic_slack_api_calls_total{method=\"auth.test\",status=\"200\"}"),
                registry.scrape());
    }

    @Test
    void rejects_a_stale_signature() throws Exception {
        assertRefused(send(body, signed(FakeSlackApi.SIGNING_SECRET, now() - 6 * 60, body)));
    }

    @Test
    void rejects_a_timestamp_from_the_future() throws Exception {
        HttpResponse<String> response = send(body, signed(FakeSlackApi.SIGNING_SECRET, now() + 6 * 60, body));
        assertRefused(response);
        assertTrue(response.body().contains("in the future"), response.body());
    }

    @Test
    void rejects_a_tampered_body() throws Exception {
        Map<String, String> headers = signed(FakeSlackApi.SIGNING_SECRET, now(), body);
        assertRefused(send(body.replace("diagnose+edge-1", "rollback+chg-1"), headers));
    }

    @Test
    void rejects_a_signature_made_with_another_secret() throws Exception {
        assertRefused(send(body, signed("0000000000000000000000000000beef", now(), body)));
    }

    @Test
    void rejects_a_request_without_signature_headers() throws Exception {
        assertRefused(send(body, Map.of()));
        Map<String, String> onlyTimestamp = Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP,
                String.valueOf(now()));
        assertRefused(send(body, onlyTimestamp));
    }

    @Test
    void a_bad_bot_token_stops_start_up_with_one_line() {
        slack.answer("auth.test", "auth-test-invalid.json");
        SlackStartupException e = assertThrows(SlackStartupException.class,
                () -> SlackApps.build(slack.httpSettings(), registry, List.of()));
        assertTrue(e.getMessage().startsWith("Slack refused SLACK_BOT_TOKEN: auth.test answered invalid_auth"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void an_unreachable_api_stops_start_up_naming_the_url() {
        SlackSettings nowhere = new SlackSettings(FakeSlackApi.BOT_TOKEN, FakeSlackApi.SIGNING_SECRET, null,
                "http://127.0.0.1:1/api/");
        SlackStartupException e = assertThrows(SlackStartupException.class,
                () -> SlackApps.build(nowhere, registry, List.of()));
        assertTrue(e.getMessage().startsWith("cannot reach Slack's auth.test at http://127.0.0.1:1/api/ (SLACK_API_URL)"),
                e.getMessage());
    }

    private void assertRefused(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(List.of(), commands);
    }
}

package medic.slack.bolt;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import medic.slack.SlackFeature;
import org.junit.jupiter.api.Test;

/** Socket Mode against a local WebSocket server: the envelope reaches the feature and its ack goes back. */
class SlackSocketTest {
    private static final String APP_TOKEN = "xapp-1-A0MEDICAPP-0000000001-medictestapptoken";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void a_slash_command_envelope_runs_the_feature_and_is_acknowledged() throws Exception {
        List<String> commands = new CopyOnWriteArrayList<>();
        SlackFeature medicCommand = app -> app.command("/medic", (request, context) -> {
            commands.add(request.getPayload().getUserId() + " " + request.getPayload().getText());
            return context.ack("on it");
        });
        try (FakeSlackApi slack = new FakeSlackApi()) {
            String envelope = FakeSlackApi.fixture("socket-slash-command.json")
                    .replace("{{response_url}}", slack.wireMock().baseUrl() + "/commands/T0MEDIC01/1/abc");
            FakeSocketModeServer socketServer = new FakeSocketModeServer(List.of(envelope));
            socketServer.startAndWait();
            try {
                slack.wireMock().stubFor(post(urlEqualTo("/api/apps.connections.open"))
                        .willReturn(okJson("{\"ok\":true,\"url\":\"" + socketServer.url() + "\"}")));
                SlackSettings settings = new SlackSettings(FakeSlackApi.BOT_TOKEN, null, APP_TOKEN, slack.apiUrl());
                try (SlackSocket socket = SlackSocket.connect(SlackApps.build(settings, registry, List.of(medicCommand)),
                        settings)) {
                    String ack = socketServer.received.poll(20, TimeUnit.SECONDS);
                    assertNotNull(ack, "no ack envelope came back");
                    JsonNode json = new ObjectMapper().readTree(ack);
                    assertEquals("c8d2d3a5-1f2e-4d43-9f3b-7a0c3f1c2b9e", json.path("envelope_id").asText());
                    assertEquals("on it", json.path("payload").path("text").asText());
                    assertEquals(List.of("U01ALICE diagnose edge-1"), commands);
                    assertTrue(socket.problem().isEmpty(), socket.problem().toString());
                }
            } finally {
                socketServer.stop(1000);
            }
        }
    }

    @Test
    void a_refused_app_token_stops_start_up_naming_it() {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            slack.wireMock().stubFor(post(urlEqualTo("/api/apps.connections.open"))
                    .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
            SlackSettings settings = new SlackSettings(FakeSlackApi.BOT_TOKEN, null, APP_TOKEN, slack.apiUrl());
            SlackStartupException e = assertThrows(SlackStartupException.class,
                    () -> SlackSocket.connect(SlackApps.build(settings, registry, List.of()), settings));
            assertTrue(e.getMessage().startsWith("cannot open Slack Socket Mode at "), e.getMessage());
            assertTrue(e.getMessage().contains("with SLACK_APP_TOKEN: IllegalStateException Failed to connect to the Socket Mode"
                    + " endpoint URL (error: invalid_auth)"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}

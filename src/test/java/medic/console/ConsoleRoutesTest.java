package medic.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.server.HttpSettings;
import medic.server.MedicServer;
import medic.slack.access.AccessPolicy;
import medic.slack.access.Grant;
import medic.slack.access.Permissions;
import medic.slack.access.RefusalLog;
import medic.slack.command.Background;
import medic.slack.command.BlockReplies;
import medic.slack.message.MessageTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console over HTTP: its data only with the login token; bad input answered with a reason, not a trace. */
class ConsoleRoutesTest {
    private static final BlockReplies REPLIES = new BlockReplies(MessageTemplates.defaults(), "/medic");
    private static final String TOKEN = "console-test-token-0123456789abcdef";
    private final HttpClient client = HttpClient.newHttpClient();
    private MedicServer server;

    @BeforeEach
    void start() {
        ConsoleSettings settings = new ConsoleSettings(TOKEN, "U0CONSOLE", "C0MEDICCONSOLE");
        ConsoleSlack slack = ConsoleSlack.standalone();
        Permissions permissions = new Permissions(new AccessPolicy(
                List.of(new Grant("access.diagnose", Set.of("C0MEDICCONSOLE"), Set.of("U0CONSOLE"), Set.of())),
                List.of(), true, "the operators"), group -> Set.of());
        ConsoleClicks clicks = new ConsoleClicks(settings, permissions, null,
                new Background(Runnable::run, null, REPLIES, RefusalLog.logging()), REPLIES,
                Duration.ofHours(1));
        server = MedicServer.start(HttpSettings.loopback(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Map.of(), ConsoleRoutes.routes(settings, slack, clicks));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_page_is_public_but_its_data_needs_the_token() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(uri("/console"))).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(uri("/console/api/threads"))).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(uri("/console/api/threads"))
                .header(ConsoleRoutes.TOKEN_HEADER, TOKEN + "x")).statusCode());
        HttpResponse<String> threads = send(HttpRequest.newBuilder(uri("/console/api/threads"))
                .header(ConsoleRoutes.TOKEN_HEADER, TOKEN));
        assertEquals(200, threads.statusCode(), threads.body());
    }

    @Test
    void a_pasted_config_is_diagnosed_and_garbage_gets_a_reason() throws Exception {
        HttpResponse<String> diagnosed = send(HttpRequest.newBuilder(uri("/console/api/diagnose"))
                .header(ConsoleRoutes.TOKEN_HEADER, TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"config\":\"events {}\\nhttp { server { listen 80; location /ws { proxy_pass"
                                + " http://127.0.0.1:9000; proxy_http_version 1.0; } } }\\n\"}")));
        assertEquals(200, diagnosed.statusCode(), diagnosed.body());
        assertTrue(diagnosed.body().contains("\"rule\""), diagnosed.body());
        HttpResponse<String> garbage = send(HttpRequest.newBuilder(uri("/console/api/diagnose"))
                .header(ConsoleRoutes.TOKEN_HEADER, TOKEN).POST(HttpRequest.BodyPublishers.ofString("not json")));
        assertEquals(422, garbage.statusCode(), garbage.body());
        assertTrue(garbage.body().contains("JSON"), garbage.body());
    }

    @Test
    void a_click_with_a_forged_value_is_refused() throws Exception {
        HttpResponse<String> click = send(HttpRequest.newBuilder(uri("/console/api/clicks"))
                .header(ConsoleRoutes.TOKEN_HEADER, TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"action\":\"medic_approve\",\"value\":\"incident=1;proposal=zz\"}")));
        assertEquals(422, click.statusCode(), click.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package medic.server;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import medic.slack.SlackFeature;
import medic.slack.bolt.FakeSlackApi;
import medic.slack.bolt.FakeSocketModeServer;
import medic.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** medic serve in-process with real parts: H2 in a temp dir, a local-transport host, Slack played by WireMock. */
class MedicTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private static String awaitResponse(FakeSlackApi slack, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> requests = slack.wireMock().findAll(postRequestedFor(urlEqualTo(path)));
            if (!requests.isEmpty()) {
                return requests.get(0).getBodyAsString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing was posted to " + path + " within 20 s");
    }

    private HttpResponse<String> get(Medic medic, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medic.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_health_readiness_metrics_slack_and_counts_real_log_lines() throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        try (FakeSlackApi slack = new FakeSlackApi();
             Medic medic = Medic.start(MedicSettings.load(Optional.empty(), fixture.environment(slack)),
                     List.of(), Clock.systemUTC())) {
            slack.wireMock().stubFor(post("/r").willReturn(ok()));
            assertEquals(200, get(medic, "/healthz").statusCode());
            HttpResponse<String> ready = get(medic, "/readyz");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"scheduler\":\"ok\",\"slack\":\"ok\"}}",
                    ready.body());

            // The watcher's first poll skips what the log already holds; what is appended after it is counted.
            awaitMetrics(medic, text -> text.contains("medic_http_requests_seconds_count"), "request metrics");
            awaitCursor();
            fixture.appendFailures();
            String metrics = awaitMetrics(medic, text -> text.contains(
                    "medic_nginx_upstream_failures_total{class=\"timed_out\",host=\"edge-local\",upstream=\"127.0.0.1:8080\"} 1.0"),
                    "the watcher to count the appended lines");
            assertTrue(metrics.contains("medic_nginx_upstream_failures_total{class=\"reset_reading_header\","
                    + "host=\"edge-local\",upstream=\"127.0.0.1:8080\"} 1.0"), metrics);
            assertTrue(metrics.contains("medic_nginx_upstream_failures_total{class=\"reset_reading_header\","
                    + "host=\"edge-local\",upstream=\"127.0.0.1:8081\"} 1.0"), metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(metrics.contains("medic_slack_api_calls_total{method=\"auth.test\",status=\"200\"}"), metrics);
            assertTrue(metrics.contains("medic_http_requests_seconds_count{method=\"GET\",route=\"/readyz\",status=\"200\"} 1"),
                    metrics);

            String body = "command=%2Fmedic&text=status&user_id=U01ALICE&team_id=T0MEDIC01&channel_id=C0123ABCD"
                    + "&response_url=" + URLEncoder.encode(slack.wireMock().baseUrl() + "/r",
                            StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
            String ts = String.valueOf(Instant.now().getEpochSecond());
            HttpResponse<String> slash = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + medic.port() + "/slack/events"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                    .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                            new SlackSignature.Generator(FakeSlackApi.SIGNING_SECRET).generate(ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, slash.statusCode(), slash.body());
            // medic's own /medic command answered through the response_url: no incident is open.
            assertTrue(awaitResponse(slack, "/r").contains("open"), "status reply");
            // The command was claimed among the replicas, and expired claims are swept by a scheduled job.
            assertEquals(1, count("SELECT COUNT(*) FROM slack_request_claims WHERE request_key = 'slash:1.2.3'"));
            assertEquals(1, count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'slack-request-claims-sweep'"));
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(
                DatabaseSettings.h2File(dir.resolve("db/medic")).url(), "medic", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void with_an_app_token_slack_comes_over_socket_mode_and_readyz_watches_the_socket() throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            slack.wireMock().stubFor(post("/r").willReturn(ok()));
            FakeSocketModeServer socketServer = new FakeSocketModeServer(List.of(FakeSlackApi
                    .fixture("socket-slash-command.json").replace("{{response_url}}", slack.wireMock().baseUrl() + "/r")));
            socketServer.startAndWait();
            slack.wireMock().stubFor(post("/api/apps.connections.open")
                    .willReturn(okJson(
                            "{\"ok\":true,\"url\":\"" + socketServer.url() + "\"}")));
            Map<String, String> env = new HashMap<>(fixture.environment(slack));
            env.remove("SLACK_SIGNING_SECRET");
            env.put("SLACK_APP_TOKEN", "xapp-1-A0MEDICAPP-0000000001-medictestapptoken");
            try (Medic medic = Medic.start(MedicSettings.load(Optional.empty(), env), List.of(),
                    Clock.systemUTC())) {
                String ack = socketServer.received.poll(20, TimeUnit.SECONDS);
                // "diagnose edge-1" names no inventory host (the fixture has edge-local): the ack says so at once.
                assertTrue(ack != null && ack.contains("edge-1") && ack.contains("edge-local"), "ack: " + ack);
                HttpResponse<String> ready = get(medic, "/readyz");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"slack_socket\":\"ok\""), ready.body());
                assertEquals(404, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medic.port()
                        + "/slack/events")).POST(HttpRequest.BodyPublishers.ofString("")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            } finally {
                socketServer.stop(1000);
            }
        }
    }

    @Test
    void a_stopped_medic_no_longer_listens_and_a_restart_on_the_same_database_works() throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            MedicSettings settings = MedicSettings.load(Optional.empty(), fixture.environment(slack));
            Medic first = Medic.start(settings, List.of(), Clock.systemUTC());
            first.close();
            assertThrows(IOException.class, () -> get(first, "/healthz"));
            try (Medic second = Medic.start(settings, List.of(), Clock.systemUTC())) {
                assertEquals(200, get(second, "/readyz").statusCode());
            }
        }
    }

    @Test
    void a_missing_inventory_stops_start_up_with_one_line_naming_the_setting() throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = new HashMap<>(fixture.environment(slack));
            env.put("MEDIC_INVENTORY", dir.resolve("missing.yaml").toString());
            SettingsException e = assertThrows(SettingsException.class, () -> Medic.start(
                    MedicSettings.load(Optional.empty(), env), List.of(), Clock.systemUTC()));
            assertEquals("setting inventory (MEDIC_INVENTORY): " + dir.resolve("missing.yaml")
                    + " does not exist; give the path of medic's inventory", e.getMessage());
        }
    }

    @Test
    void a_watcher_runbook_that_is_not_loaded_stops_start_up_naming_the_setting() throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = new HashMap<>(fixture.environment(slack));
            env.put("MEDIC_WATCH_RUNBOOK", "nginx-upstream-rest");
            SettingsException e = assertThrows(SettingsException.class, () -> Medic.start(
                    MedicSettings.load(Optional.empty(), env), List.of(), Clock.systemUTC()));
            assertEquals("setting watch.runbook (MEDIC_WATCH_RUNBOOK): no runbook named nginx-upstream-rest in "
                    + dir.resolve("runbooks") + "; loaded: nginx-upstream-reset", e.getMessage());
        }
    }

    /** Waits for the watcher's first firing, which stores the cursor at the log's end. */
    private void awaitCursor() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!cursorStored()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watcher never polled the log");
            }
            Thread.sleep(50);
        }
    }

    private boolean cursorStored() {
        try (var connection = DriverManager.getConnection(
                DatabaseSettings.h2File(dir.resolve("db/medic")).url(), "medic", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM log_cursors WHERE host = 'edge-local'")) {
            return rows.next() && rows.getInt(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private String awaitMetrics(Medic medic, Predicate<String> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String text;
            try {
                text = get(medic, "/metrics").body();
            } catch (IOException e) {
                text = "";
            }
            if (condition.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " in /metrics:\n" + text);
            }
            Thread.sleep(50);
        }
    }
}

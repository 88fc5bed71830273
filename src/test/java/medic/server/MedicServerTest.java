package medic.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import medic.MedicException;
import org.junit.jupiter.api.Test;

/** The HTTP server with fake routes and checks: health, readiness, metrics, body limit, graceful stop. */
class MedicServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(MedicServer server, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(MedicServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void healthz_answers_while_the_process_lives() throws Exception {
        try (MedicServer server = MedicServer.start(HttpSettings.loopback(), registry, Map.of(), List.of())) {
            HttpResponse<String> response = get(server, "/healthz");
            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"alive\"}", response.body());
        }
    }

    @Test
    void readyz_names_the_first_failing_check_with_503() throws Exception {
        AtomicReference<Optional<String>> database = new AtomicReference<>(Optional.empty());
        Map<String, ReadinessCheck> checks = new java.util.LinkedHashMap<>();
        checks.put("database", database::get);
        checks.put("scheduler", Optional::empty);
        try (MedicServer server = MedicServer.start(HttpSettings.loopback(), registry, checks, List.of())) {
            HttpResponse<String> ready = get(server, "/readyz");
            assertEquals(200, ready.statusCode());
            assertEquals("{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"scheduler\":\"ok\"}}", ready.body());
            database.set(Optional.of("connection refused"));
            HttpResponse<String> notReady = get(server, "/readyz");
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"status\":\"not ready\",\"reason\":\"database: connection refused\",\"checks\":"
                    + "{\"database\":\"connection refused\",\"scheduler\":\"ok\"}}", notReady.body());
        }
    }

    @Test
    void metrics_time_requests_by_method_route_template_and_status() throws Exception {
        Route thing = Route.get("/things/{id}", ctx -> ctx.result("thing " + ctx.pathParam("id")));
        try (MedicServer server = MedicServer.start(HttpSettings.loopback(), registry, Map.of(), List.of(thing))) {
            assertEquals("thing 7", get(server, "/things/7").body());
            get(server, "/things/8");
            assertEquals(404, get(server, "/nowhere/" + System.nanoTime()).statusCode());
            HttpResponse<String> metrics = get(server, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            String text = metrics.body();
            assertTrue(text.contains("medic_http_requests_seconds_count{method=\"GET\",route=\"/things/{id}\",status=\"200\"} 2"),
                    text);
            assertTrue(text.contains("medic_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"),
                    text);
            assertFalse(text.contains("/nowhere"), text);
        }
    }

    @Test
    void an_injected_route_gets_the_body_and_an_oversized_body_never_reaches_it() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Route echo = Route.post("/echo", ctx -> {
            calls.incrementAndGet();
            ctx.result(new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8));
        });
        HttpSettings http = new HttpSettings("127.0.0.1", 0, 2048, Duration.ofSeconds(5));
        try (MedicServer server = MedicServer.start(http, registry, Map.of(), List.of(echo))) {
            HttpResponse<String> small = client.send(HttpRequest.newBuilder(uri(server, "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", small.body());
            HttpResponse<String> large = client.send(HttpRequest.newBuilder(uri(server, "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, large.statusCode());
            assertEquals(1, calls.get());
            // Without a Content-Length (chunked), the limit applies while the body is read.
            HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri(server, "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(new byte[8192]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode());
        }
    }

    @Test
    void a_stop_lets_the_request_in_flight_finish_and_then_refuses_new_ones() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = Route.get("/slow", ctx -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            ctx.result("done");
        });
        MedicServer server = MedicServer.start(HttpSettings.loopback(), registry, Map.of(), List.of(slow));
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(uri(server, "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        release.countDown();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        stopped.get(10, TimeUnit.SECONDS);
        assertThrows(IOException.class, () -> get(server, "/healthz"));
    }

    @Test
    void a_taken_port_stops_start_up_with_one_line_naming_the_setting() {
        try (MedicServer first = MedicServer.start(HttpSettings.loopback(), registry, Map.of(), List.of())) {
            HttpSettings same = new HttpSettings("127.0.0.1", first.port(), 1024 * 1024, Duration.ofSeconds(1));
            MedicException e = assertThrows(MedicException.class,
                    () -> MedicServer.start(same, registry, Map.of(), List.of()));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}

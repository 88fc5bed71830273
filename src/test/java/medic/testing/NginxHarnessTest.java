package medic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RequiresProgram("nginx")
class NginxHarnessTest {

    private final NginxHarness harness = NginxHarness.installed();

    @Test
    void passes_a_valid_config_with_relative_includes_and_log_paths() {
        NginxResult result = harness.test(TestResources.path("nginx/harness/valid"), "nginx.conf");

        assertTrue(result.passed(), result.stderr());
        assertEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("test is successful"), result.stderr());
    }

    @Test
    void fails_a_broken_config_naming_the_fixture_file_and_line() {
        Path broken = TestResources.path("nginx/harness/broken");

        NginxResult result = harness.test(broken, "nginx.conf");

        assertFalse(result.passed());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("unknown directive \"proxy_read_timeout_typo\" in "
                + broken.resolve("nginx.conf") + ":17"), result.stderr());
    }

    @Test
    void serves_http_on_loopback_until_stopped() throws Exception {
        int port = Ports.freePort();
        try (RunningNginx nginx = start(port)) {
            HttpResponse<String> response = get(port, "/health");

            assertEquals(200, response.statusCode());
            assertEquals("serving\n", response.body());

            nginx.stop();
            assertFalse(nginx.isRunning());
            assertThrows(ConnectException.class, () -> get(port, "/health"));
            assertTrue(Files.readString(nginx.prefix().resolve("logs/access.log")).contains("GET /health HTTP/1.1\" 200"));
        }
    }

    @Test
    void reloads_an_edited_config_and_serves_it_at_once() throws Exception {
        int port = Ports.freePort();
        try (RunningNginx nginx = start(port)) {
            edit(nginx.mainConfig(), "return 200 \"serving\\n\";", "return 200 \"reloaded\\n\";");

            NginxResult reload = nginx.reload();

            assertTrue(reload.passed(), reload.stderr());
            assertEquals("reloaded\n", get(port, "/health").body());
        }
    }

    @Test
    void refuses_a_broken_reload_and_keeps_serving_the_old_config() throws Exception {
        int port = Ports.freePort();
        try (RunningNginx nginx = start(port)) {
            edit(nginx.mainConfig(), "location = /health {", "location = /health { no_such_directive on;");

            NginxResult check = nginx.test();
            NginxResult reload = nginx.reload();

            assertFalse(check.passed());
            assertTrue(check.stderr().contains(nginx.mainConfig() + ":18"), check.stderr());
            assertFalse(reload.passed());
            assertEquals("serving\n", get(port, "/health").body());
        }
    }

    @Test
    void reports_a_config_that_cannot_start_with_nginx_stderr() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> harness.start(
                TestResources.path("nginx/harness/broken"), "nginx.conf", Map.of(), Ports.freePort()));

        assertTrue(failure.getMessage().contains("unknown directive \"proxy_read_timeout_typo\""), failure.getMessage());
    }

    private RunningNginx start(int port) {
        return harness.start(TestResources.path("nginx/harness/serving"), "nginx.conf",
                Map.of("@PORT@", Integer.toString(port)), port);
    }

    /** A GET on a fresh connection: a pooled keep-alive one may still be served by a pre-reload worker. */
    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }
}

package medic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medic serve} as its own JVM: settings from the environment, one line when they are bad, a clean SIGTERM. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("medic serving on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private Process serve(Map<String, String> environment, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MEDIC_") || name.startsWith("SLACK_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    @Test
    void bad_settings_stop_start_up_with_one_line_naming_the_setting() throws Exception {
        Path output = dir.resolve("serve.out");
        Process process = serve(Map.of("MEDIC_PORT", "0", "MEDIC_CHANNEL", "C0123ABCD"), output);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "medic serve did not exit");
        assertEquals(2, process.exitValue());
        assertEquals(List.of("medic: setting slack.bot_token (SLACK_BOT_TOKEN): missing: slack.channel is set, so Slack is"
                + " meant to be on; set SLACK_BOT_TOKEN (xoxb-...) or unset slack.channel"), Files.readAllLines(output));
    }

    @Test
    void serves_until_sigterm_then_stops_cleanly() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "hosts:\n  - name: edge-local\n    transport: local\n");
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.copy(Path.of("runbooks/nginx-upstream-reset.yaml"), runbooks.resolve("nginx-upstream-reset.yaml"));
        Files.writeString(dir.resolve("medic.yaml"), "server:\n  bind: 127.0.0.1\n  port: 0\n"
                + "inventory: " + dir.resolve("inventory.yaml") + "\nrunbooks: " + runbooks + "\n");
        Path output = dir.resolve("serve.out");
        Process process = serve(Map.of("MEDIC_CONFIG", dir.resolve("medic.yaml").toString(),
                "MEDIC_DB_URL", DatabaseSettings.h2File(dir.resolve("db/medic")).url(),
                "MEDIC_WEBHOOK_TOKEN", "medic-test-webhook-token-0123456789"), output);
        try {
            int port = awaitPort(process, output);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "medic serve ignored SIGTERM:\n" + Files.readString(output));
            assertTrue(Files.readString(output).contains("medic stopped"), Files.readString(output));
        } finally {
            process.destroyForcibly();
        }
    }

    private static int awaitPort(Process process, Path output) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(output));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("medic serve did not start:\n" + Files.readString(output));
    }
}

package medic.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import medic.slack.bolt.FakeSlackApi;
import medic.store.DatabaseSettings;

/**
 * What the whole-chain rigs running {@code medic serve} against a real nginx share: Slack's Web API answered by
 * WireMock, a person's signed button click, the settings medic serve reads, and the inventory's edge-1 entry.
 */
public final class ServedMedic {
    public static final String CHANNEL = "C0123ABCD";
    public static final String APPROVER = "U0APPROVER";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServedMedic() {
    }

    /** Stubs the Web API calls medic makes: post, update, the two-step file upload and response_url replies. */
    public static void answerWebApi(FakeSlackApi api) {
        api.wireMock().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\",\"message\":{}}")));
        api.wireMock().stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\"}")));
        api.wireMock().stubFor(post(urlEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson(
                "{\"ok\":true,\"upload_url\":\"" + api.wireMock().baseUrl() + "/upload/F0DIFF\",\"file_id\":\"F0DIFF\"}")));
        api.wireMock().stubFor(post(urlPathMatching("/upload/.*")).willReturn(aResponse().withStatus(200)));
        api.wireMock().stubFor(post(urlEqualTo("/api/files.completeUploadExternal")).willReturn(okJson(
                "{\"ok\":true,\"files\":[{\"id\":\"F0DIFF\"}]}")));
        api.wireMock().stubFor(post(urlPathMatching("/actions/.*")).willReturn(aResponse().withStatus(200)));
        api.wireMock().stubFor(post(urlPathMatching("/commands/.*")).willReturn(aResponse().withStatus(200)
                .withBody("ok")));
    }

    /** A signed block_actions request to medic on {@code medicPort}: {@code userId} clicked {@code actionId}. */
    public static HttpResponse<String> click(FakeSlackApi api, int medicPort, String actionId, String value,
            String userId) throws IOException, InterruptedException {
        return signed(medicPort, clickBody(api, actionId, value, userId));
    }

    /**
     * The form body of a block_actions request: one click, with its own action_ts and trigger_id (the same body sent
     * twice is a retry of it; two bodies are two clicks).
     */
    public static String clickBody(FakeSlackApi api, String actionId, String value, String userId) {
        String payload = FakeSlackApi.fixture("block_actions.json")
                .replace("\"id\": \"U0ALICE\"", "\"id\": \"" + userId + "\"")
                .replace("C0OPS0001", CHANNEL)
                .replace("\"action_id\": \"medic_approve\",\n            \"block_id\"",
                        "\"action_id\": \"" + actionId + "\",\n            \"block_id\"")
                .replace("\"value\": \"incident=42;proposal=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n            \"style\"",
                        "\"value\": \"" + value + "\",\n            \"style\"")
                // Each click is a new request, as in Slack: its own action_ts and trigger_id.
                .replace("\"action_ts\": \"1714557800.123456\"", "\"action_ts\": \"" + actionTs() + "\"")
                .replace("7318201540.1234567890.c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", "7318201540."
                        + UUID.randomUUID().toString().replace("-", ""))
                .replace("WIREMOCK_PORT", Integer.toString(api.wireMock().port()));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private static String actionTs() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }

    /** Sends a form body to medic's {@code /slack/events} on {@code medicPort}, signed now as Slack signs it. */
    public static HttpResponse<String> signed(int medicPort, String body) throws IOException, InterruptedException {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medicPort + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SlackSignature.Generator(FakeSlackApi.SIGNING_SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The settings {@code medic serve} reads for a rig in {@code dir}: H2 file, inventory, runbooks, Slack. */
    public static Map<String, String> environment(Path dir, String webhookToken, FakeSlackApi api) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIC_BIND", "127.0.0.1");
        env.put("MEDIC_PORT", "0");
        env.put("MEDIC_DB_URL", DatabaseSettings.h2File(dir.resolve("db/medic")).url());
        env.put("MEDIC_INVENTORY", dir.resolve("inventory.yaml").toString());
        env.put("MEDIC_RUNBOOKS", dir.resolve("runbooks").toString());
        env.put("MEDIC_WEBHOOK_TOKEN", webhookToken);
        env.put("MEDIC_CHANNEL", CHANNEL);
        env.put("MEDIC_APPROVE_USERS", APPROVER);
        env.put("MEDIC_WATCH_ENABLED", "false");
        env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", FakeSlackApi.SIGNING_SECRET);
        env.put("SLACK_API_URL", api.apiUrl());
        env.put("MEDIC_SHUTDOWN_TIMEOUT", "5s");
        return env;
    }

    /**
     * The inventory's {@code edge-1} entry up to its {@code verify:} pid file, for nginx reached over SSH at
     * {@code address:sshPort}; the caller appends what else its host needs.
     */
    public static String edgeHost(String address, int sshPort, Path userKey, Path knownHosts, RunningNginx nginx,
            Path wrapper) {
        String main = nginx.mainConfig().toString();
        return "hosts:\n"
                + "  - name: edge-1\n"
                + "    address: " + address + "\n"
                + "    port: " + sshPort + "\n"
                + "    user: " + System.getProperty("user.name") + "\n"
                + "    key:\n      file: " + userKey + "\n"
                + "    known_hosts: " + knownHosts + "\n"
                + "    nginx:\n"
                + "      binary: " + wrapper + "\n"
                + "      config: " + main + "\n"
                + "      error_logs: [" + nginx.errorLog() + "]\n"
                + "      reload: \"'" + wrapper + "' -s reload -c '" + main + "'\"\n"
                // With the pid file medic's reload waits until only new workers accept connections.
                + "      verify:\n"
                + "        pid_file: " + nginx.prefix().resolve("logs/nginx.pid") + "\n";
    }

    /** Copies the shipped runbook into {@code dir}/runbooks. */
    public static void shippedRunbook(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.copy(Path.of("runbooks/nginx-upstream-reset.yaml"), dir.resolve("runbooks/nginx-upstream-reset.yaml"));
    }
}

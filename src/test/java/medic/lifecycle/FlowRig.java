package medic.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import medic.apply.EchoUpstream;
import medic.slack.bolt.FakeSlackApi;
import medic.store.DatabaseSettings;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RunningNginx;
import medic.testing.SshTestServer;
import medic.testing.TestResources;

/**
 * A whole medic deployment on loopback: Debian's nginx in a temp prefix (a WebSocket site with a 2 s
 * proxy_read_timeout and recent upstream resets in its error log), reached over the in-process SSH server, the
 * shipped runbook, and WireMock as Slack's Web API. {@link #environment()} is what {@code medic serve} reads.
 */
public final class FlowRig implements AutoCloseable {
    static final String WEBHOOK_TOKEN = "flow-test-webhook-token-0123456789";
    public static final String CHANNEL = "C0123ABCD";
    public static final String APPROVER = "U0APPROVER";

    public final Path dir;
    final int nginxPort = Ports.freePort();
    final int upstreamPort = Ports.freePort();
    final EchoUpstream upstream;
    public final RunningNginx nginx;
    final SshTestServer ssh;
    public final FakeSlackApi slack = new FakeSlackApi();
    public final Path site;
    private final HttpClient client = HttpClient.newHttpClient();

    public FlowRig(Path dir) throws Exception {
        this.dir = dir;
        upstream = EchoUpstream.start(upstreamPort);
        nginx = NginxHarness.installed().start(TestResources.path("apply/site"), "nginx.conf",
                Map.of("@PORT@", Integer.toString(nginxPort), "@UPSTREAM_PORT@", Integer.toString(upstreamPort)),
                nginxPort);
        site = nginx.configDir().resolve("conf.d/site.conf");
        ssh = SshTestServer.start(dir);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, ssh.knownHostsLine() + "\n");
        Path wrapper = nginx.wrapperScript(dir);
        String main = nginx.mainConfig().toString();
        Files.writeString(dir.resolve("inventory.yaml"), "hosts:\n"
                + "  - name: edge-1\n"
                + "    address: " + ssh.host() + "\n"
                + "    port: " + ssh.port() + "\n"
                + "    user: " + System.getProperty("user.name") + "\n"
                + "    key:\n      file: " + TestResources.path("ssh/user_ed25519") + "\n"
                + "    known_hosts: " + knownHosts + "\n"
                + "    nginx:\n"
                + "      binary: " + wrapper + "\n"
                + "      config: " + main + "\n"
                + "      error_logs: [" + nginx.errorLog() + "]\n"
                + "      reload: \"'" + wrapper + "' -s reload -c '" + main + "'\"\n"
                + "      verify:\n"
                + "        pid_file: " + nginx.prefix().resolve("logs/nginx.pid") + "\n"
                + "        websocket: ws://127.0.0.1:" + nginxPort + "/ws\n"
                + "        health: http://127.0.0.1:" + nginxPort + "/health\n");
        Files.createDirectories(dir.resolve("runbooks"));
        Files.copy(Path.of("runbooks/nginx-upstream-reset.yaml"), dir.resolve("runbooks/nginx-upstream-reset.yaml"));
        appendResets(5);
        slack.wireMock().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\",\"message\":{}}")));
        slack.wireMock().stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\"}")));
        slack.wireMock().stubFor(post(urlEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson(
                "{\"ok\":true,\"upload_url\":\"" + slack.wireMock().baseUrl() + "/upload/F0DIFF\",\"file_id\":\"F0DIFF\"}")));
        slack.wireMock().stubFor(post(urlPathMatching("/upload/.*")).willReturn(aResponse().withStatus(200)));
        slack.wireMock().stubFor(post(urlEqualTo("/api/files.completeUploadExternal")).willReturn(okJson(
                "{\"ok\":true,\"files\":[{\"id\":\"F0DIFF\"}]}")));
        slack.wireMock().stubFor(post(urlPathMatching("/actions/.*")).willReturn(aResponse().withStatus(200)));
        slack.wireMock().stubFor(post(urlPathMatching("/commands/.*")).willReturn(aResponse().withStatus(200)
                .withBody("ok")));
    }

    /** Upstream resets on the WebSocket location, as nginx 1.22 logs them, stamped now. */
    void appendResets(int count) throws IOException {
        String now = LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(now).append(" [error] 4242#4242: *").append(100 + i)
                    .append(" recv() failed (104: Connection reset by peer) while proxying upgraded connection,")
                    .append(" client: 127.0.0.1, server: localhost, request: \"GET /ws HTTP/1.1\", upstream:")
                    .append(" \"http://127.0.0.1:").append(upstreamPort).append("/ws\", host: \"edge-1\"\n");
        }
        Files.writeString(nginx.errorLog(), lines, java.nio.file.StandardOpenOption.APPEND,
                java.nio.file.StandardOpenOption.CREATE);
    }

    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIC_BIND", "127.0.0.1");
        env.put("MEDIC_PORT", "0");
        env.put("MEDIC_DB_URL", DatabaseSettings.h2File(dir.resolve("db/medic")).url());
        env.put("MEDIC_INVENTORY", dir.resolve("inventory.yaml").toString());
        env.put("MEDIC_RUNBOOKS", dir.resolve("runbooks").toString());
        env.put("MEDIC_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        env.put("MEDIC_CHANNEL", CHANNEL);
        env.put("MEDIC_APPROVE_USERS", APPROVER);
        env.put("MEDIC_WATCH_ENABLED", "false");
        env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", FakeSlackApi.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("MEDIC_SHUTDOWN_TIMEOUT", "5s");
        return env;
    }

    public HttpResponse<String> webhook(int medicPort, String payload) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medicPort + "/hooks/alertmanager"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed block_actions request: {@code userId} clicked {@code actionId} carrying {@code value}. */
    public HttpResponse<String> click(int medicPort, String actionId, String value, String userId)
            throws IOException, InterruptedException {
        return interaction(medicPort, clickBody(actionId, value, userId));
    }

    /** The form body of a block_actions request (one click: the same body sent twice is a retry of it). */
    public String clickBody(String actionId, String value, String userId) {
        String payload = FakeSlackApi.fixture("block_actions.json")
                .replace("\"id\": \"U0ALICE\"", "\"id\": \"" + userId + "\"")
                .replace("C0OPS0001", CHANNEL)
                .replace("\"action_id\": \"medic_approve\",\n            \"block_id\"",
                        "\"action_id\": \"" + actionId + "\",\n            \"block_id\"")
                .replace("\"value\": \"incident=42;proposal=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n            \"style\"",
                        "\"value\": \"" + value + "\",\n            \"style\"")
                .replace("\"action_ts\": \"1714557800.123456\"", "\"action_ts\": \"" + Instant.now().getEpochSecond()
                        + ".000001\"")
                .replace("WIREMOCK_PORT", Integer.toString(slack.wireMock().port()));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /** Sends an interactivity body (see {@link #clickBody}), signed now. */
    public HttpResponse<String> interaction(int medicPort, String body) throws IOException, InterruptedException {
        return signed(medicPort, body);
    }

    /**
     * A signed slash command, shaped as Slack sends it: {@code userId} typed {@code /medic text} in the channel;
     * its response_url is {@code /commands/<triggerId>} on WireMock, and {@code triggerId} names this request (a
     * retry of the same request carries the same one).
     */
    public HttpResponse<String> slash(int medicPort, String text, String userId, String triggerId)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : FakeSlackApi.fixture("slash-command.form").strip().split("&")) {
            String[] nameValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        form.put("channel_id", CHANNEL);
        form.put("user_id", userId);
        form.put("text", text);
        form.put("trigger_id", triggerId);
        form.put("response_url", responseUrl(triggerId));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return signed(medicPort, body);
    }

    /** Where Slack's answers to the slash command with {@code triggerId} go (see {@link #slash}). */
    public String responseUrl(String triggerId) {
        return slack.wireMock().baseUrl() + "/commands/" + triggerId;
    }

    /** The JSON bodies medic sent to the response_url of the slash command {@code triggerId}, oldest first. */
    public List<String> answers(String triggerId) {
        return slack.wireMock().findAll(postRequestedFor(urlEqualTo("/commands/" + triggerId))).stream()
                .map(request -> request.getBodyAsString()).toList();
    }

    /** Bodies of the Web API calls WireMock received on {@code path}, form-decoded. */
    public List<String> calls(String path) {
        // Slack's SDK writes '=' in JSON strings as \u003d.
        return slack.wireMock().findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8)
                        .replace("\\u003d", "=")).toList();
    }

    private HttpResponse<String> signed(int medicPort, String body) throws IOException, InterruptedException {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medicPort + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SlackSignature.Generator(FakeSlackApi.SIGNING_SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        try (upstream; nginx; ssh; slack) {
            // Closed in reverse order.
        }
    }
}

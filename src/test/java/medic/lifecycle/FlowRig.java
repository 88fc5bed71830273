package medic.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

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
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RunningNginx;
import medic.testing.ServedMedic;
import medic.testing.SshTestServer;
import medic.testing.TestResources;

/**
 * A whole medic deployment on loopback: Debian's nginx in a temp prefix (a WebSocket site with a 2 s
 * proxy_read_timeout and recent upstream resets in its error log), reached over the in-process SSH server, the
 * shipped runbook, and WireMock as Slack's Web API. {@link #environment()} is what {@code medic serve} reads.
 */
public final class FlowRig implements AutoCloseable {
    static final String WEBHOOK_TOKEN = "flow-test-webhook-token-0123456789";
    public static final String CHANNEL = ServedMedic.CHANNEL;
    public static final String APPROVER = ServedMedic.APPROVER;

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
        Files.writeString(dir.resolve("inventory.yaml"), ServedMedic.edgeHost(ssh.host(), ssh.port(),
                TestResources.path("ssh/user_ed25519"), knownHosts, nginx, nginx.wrapperScript(dir))
                + "        websocket: ws://127.0.0.1:" + nginxPort + "/ws\n"
                + "        health: http://127.0.0.1:" + nginxPort + "/health\n");
        ServedMedic.shippedRunbook(dir);
        appendResets(5);
        ServedMedic.answerWebApi(slack);
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
        return ServedMedic.environment(dir, WEBHOOK_TOKEN, slack);
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

    /** The form body of a block_actions request: one click (the same body sent twice is a retry of it). */
    public String clickBody(String actionId, String value, String userId) {
        return ServedMedic.clickBody(slack, actionId, value, userId);
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
        return ServedMedic.signed(medicPort, body);    }

    @Override
    public void close() throws Exception {
        try (upstream; nginx; ssh; slack) {
            // Closed in reverse order.
        }
    }
}

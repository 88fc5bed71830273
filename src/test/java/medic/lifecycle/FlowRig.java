package medic.lifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
        return ServedMedic.click(slack, medicPort, actionId, value, userId);
    }

    @Override
    public void close() throws Exception {
        try (upstream; nginx; ssh; slack) {
            // Closed in reverse order.
        }
    }
}

package medic.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RunningNginx;
import medic.testing.ServedMedic;
import medic.testing.TestResources;

/**
 * The nginx host of the end-to-end test: the strict WebSocket backend, Debian's nginx in a temp prefix running
 * the seed's faulty site in front of it, OpenSSH's sshd medic logs in through, the inventory naming all of it,
 * the shipped runbook, and Slack. {@link #environment()} is what {@code medic serve} reads.
 */
final class HealingRig implements AutoCloseable {
    static final String WEBHOOK_TOKEN = "e2e-test-webhook-token-0123456789abcdef";
    /** The orders API backend's keep-alive idle timeout: gunicorn's default, below the site's 4s pool timeout. */
    static final Duration API_IDLE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RECHECK_DELAY = Duration.ofSeconds(6);

    final Path dir;
    final int nginxPort = Ports.freePort();
    final StrictWebSocketBackend backend;
    final ShortKeepAliveBackend api;
    final RunningNginx nginx;
    final OpenSshServer ssh;
    final SlackSide slack = new SlackSide();
    final Path site;
    final Path mainConfig;

    HealingRig(Path dir) throws Exception {
        this.dir = dir;
        try {
            backend = StrictWebSocketBackend.start();
            api = ShortKeepAliveBackend.start(API_IDLE_TIMEOUT);
            nginx = NginxHarness.installed().start(TestResources.path("e2e/site"), "nginx.conf",
                    Map.of("@PORT@", Integer.toString(nginxPort), "@UPSTREAM_PORT@", Integer.toString(backend.port()),
                            "@API_PORT@", Integer.toString(api.port())), nginxPort);
            site = nginx.configDir().resolve("conf.d/site.conf");
            mainConfig = nginx.mainConfig();
            ssh = OpenSshServer.start(dir);
            writeInventory();
            ServedMedic.shippedRunbook(dir);
        } catch (Exception | Error e) {
            close(); // whatever started before the failure
            throw e;
        }
    }

    private void writeInventory() throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLine() + "\n");
        // Prometheus's relabelling (deploy's) names the host by the exporter's address without port: 127.0.0.1.
        Files.writeString(dir.resolve("inventory.yaml"), ServedMedic.edgeHost("127.0.0.1", ssh.port(), ssh.userKey(),
                knownHosts, nginx, nginx.wrapperScript(dir))
                // What the team knows of its app server's keep-alive (gunicorn --keep-alive 2): KA02 needs it.
                + "      backend_idle_timeouts:\n"
                + "        api_upstream: " + API_IDLE_TIMEOUT.toSeconds() + "s\n"
                + "    labels:\n"
                + "      instance: \"127.0.0.1\"\n"
                + "      job: mtail\n");
    }

    Map<String, String> environment() {
        Map<String, String> env = ServedMedic.environment(dir, WEBHOOK_TOKEN, slack.api);
        // medic reads the error log again this long after an apply (10m in production), after the test's window.
        env.put("MEDIC_APPLY_RECHECK_DELAY", RECHECK_DELAY.toSeconds() + "s");
        return env;
    }

    /** nginx's error-log lines telling of an upstream reset (104). */
    long resetLines() throws IOException {
        return resetLines("");
    }

    /** nginx's 104 lines about the backend on {@code port}. */
    long resetLines(int port) throws IOException {
        return resetLines("upstream: \"http://127.0.0.1:" + port + "/");
    }

    private long resetLines(String about) throws IOException {
        try (var lines = Files.lines(nginx.errorLog())) {
            return lines.filter(line -> line.contains("(104: Connection reset by peer)") && line.contains(about)).count();
        }
    }

    @Override
    public void close() throws Exception {
        try (StrictWebSocketBackend last = backend; ShortKeepAliveBackend fourth = api; RunningNginx third = nginx;
                OpenSshServer second = ssh; SlackSide first = slack) {
            // closed in reverse order; parts not started yet are null and skipped
        }
    }
}

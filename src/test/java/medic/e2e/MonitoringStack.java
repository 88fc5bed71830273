package medic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import medic.testing.Ports;

/**
 * Debian's mtail, Prometheus and Alertmanager as child processes on free loopback ports with temporary
 * storage, wired as deploy/ describes: mtail runs deploy's program on nginx's error log, Prometheus scrapes it
 * every second and evaluates deploy's alert rules (fast copy), Alertmanager posts to medic's webhook.
 */
final class MonitoringStack implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Daemon> daemons = new ArrayList<>();
    private final int mtailPort = Ports.freePort();
    private final int prometheusPort = Ports.freePort();
    private final int alertmanagerPort = Ports.freePort();

    /** Starts the three; {@code medicPort} and {@code webhookToken} are where and how Alertmanager posts. */
    static MonitoringStack start(Path dir, Path errorLog, int medicPort, String webhookToken) throws Exception {
        MonitoringStack stack = new MonitoringStack();
        try {
            stack.startMtail(dir, errorLog);
            stack.startAlertmanager(dir, medicPort, webhookToken);
            stack.startPrometheus(dir);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startMtail(Path dir, Path errorLog) {
        daemons.add(Daemon.start("mtail", List.of("mtail", "--progs", Path.of("deploy/mtail").toAbsolutePath()
                .toString(), "--logs", errorLog.toString(), "--address", "127.0.0.1", "--port",
                Integer.toString(mtailPort), "--logtostderr", "--poll_interval", "250ms"), dir)
                .awaitReady(mtailUrl(), READY));
    }

    private void startAlertmanager(Path dir, int medicPort, String webhookToken) throws IOException {
        Path token = Files.writeString(dir.resolve("medic-webhook-token"), webhookToken);
        Path config = Files.writeString(dir.resolve("alertmanager.yml"),
                AlertmanagerConfig.forTest(medicPort, token));
        Path storage = Files.createDirectories(dir.resolve("alertmanager-data"));
        daemons.add(Daemon.start("alertmanager", List.of("prometheus-alertmanager", "--config.file=" + config,
                "--storage.path=" + storage, "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address="), dir).awaitReady(alertmanagerUrl() + "/-/ready", READY));
    }

    private void startPrometheus(Path dir) throws IOException {
        Path rules = FastAlertRules.write(dir);
        // deploy/prometheus/prometheus.yml with one-second intervals and loopback targets; the relabelling that
        // turns the exporter's address into the instance label (what the inventory matches) is deploy's own.
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules,
                "alerting:",
                "  alertmanagers:",
                "    - static_configs:",
                "        - targets: [\"127.0.0.1:" + alertmanagerPort + "\"]",
                "scrape_configs:",
                "  - job_name: mtail",
                "    static_configs:",
                "      - targets: [\"127.0.0.1:" + mtailPort + "\"]",
                "    relabel_configs:",
                "      - source_labels: [__address__]",
                "        regex: \"([^:]+):\\\\d+\"",
                "        target_label: instance",
                ""));
        Path storage = Files.createDirectories(dir.resolve("prometheus-data"));
        daemons.add(Daemon.start("prometheus", List.of("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + storage, "--web.listen-address=127.0.0.1:" + prometheusPort), dir)
                .awaitReady(prometheusUrl() + "/-/ready", READY));
    }

    private String mtailUrl() {
        return "http://127.0.0.1:" + mtailPort + "/metrics";
    }

    private String prometheusUrl() {
        return "http://127.0.0.1:" + prometheusPort;
    }

    private String alertmanagerUrl() {
        return "http://127.0.0.1:" + alertmanagerPort;
    }

    /** The sum of mtail's {@code nginx_upstream_failures_total} samples of reset classes. */
    double mtailResets() throws IOException, InterruptedException {
        return mtailResets("");
    }

    /** As {@link #mtailResets()}, for the upstream {@code host:port} only. */
    double mtailResets(String upstream) throws IOException, InterruptedException {
        String label = upstream.isEmpty() ? "" : "upstream=\"" + upstream + "\"";
        double sum = 0;
        for (String line : get(mtailUrl()).split("\n")) {
            if (line.startsWith("nginx_upstream_failures_total{") && line.contains("class=\"reset_")
                    && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Prometheus's firing alert named {@code alertname} about {@code upstream}, from /api/v1/alerts. */
    Optional<JsonNode> prometheusFiring(String alertname, String upstream) throws IOException, InterruptedException {
        for (JsonNode alert : JSON.readTree(get(prometheusUrl() + "/api/v1/alerts")).path("data").path("alerts")) {
            if (alert.path("labels").path("alertname").asText().equals(alertname)
                    && alert.path("labels").path("upstream").asText().equals(upstream)
                    && alert.path("state").asText().equals("firing")) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    /** Alertmanager's active alert named {@code alertname} about {@code upstream}, from /api/v2/alerts. */
    Optional<JsonNode> alertmanagerActive(String alertname, String upstream) throws IOException, InterruptedException {
        for (JsonNode alert : JSON.readTree(get(alertmanagerUrl() + "/api/v2/alerts"))) {
            if (alert.path("labels").path("alertname").asText().equals(alertname)
                    && alert.path("labels").path("upstream").asText().equals(upstream)
                    && alert.path("status").path("state").asText().equals("active")) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    /** The programs' logs, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        for (Daemon daemon : daemons) {
            String log = daemon.logText();
            all.append("\n--- ").append(daemon).append(" (last lines)\n")
                    .append(log.substring(Math.max(0, log.length() - 3000)));
        }
        return all.toString();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
    }
}

package medic.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident reproduced and healed with real programs at every hop but Slack: WebSocket clients through Debian's
 * nginx running the seed's faults make the backend reset (real 104 lines), mtail counts them, Prometheus fires
 * deploy's alert, Alertmanager posts it to medic, medic runs the shipped runbook through OpenSSH's sshd, posts the
 * diagnosis to (WireMock) Slack, and after a signed Approve applies the fix; then tunnels hold idle past the old
 * proxy_read_timeout and the resets stop. What stops them is the applied config alone: the backend never changes.
 */
@RequiresProgram("nginx")
@RequiresProgram(value = "sshd", aptPackage = "openssh-server")
@RequiresProgram("mtail")
@RequiresProgram("prometheus")
@RequiresProgram("prometheus-alertmanager")
class IncidentHealedEndToEndTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");
    private static final String ALERT = "NginxUpstreamResets";
    private static final Duration HOP = Duration.ofSeconds(60);
    /** Longer than the faulty config's proxy_read_timeout (2s), which used to close idle tunnels. */
    private static final Duration IDLE = Duration.ofMillis(3500);

    @TempDir
    Path dir;

    private final Timeline timeline = new Timeline();
    private HealingRig rig;
    private Medic medic;
    private MonitoringStack monitoring;
    private ScheduledExecutorService traffic;

    @BeforeEach
    void start() throws Exception {
        rig = new HealingRig(dir);
        medic = Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(), Clock.systemUTC());
        monitoring = MonitoringStack.start(dir, rig.nginx.errorLog(), medic.port(), HealingRig.WEBHOOK_TOKEN);
        timeline.mark("nginx, sshd, medic, mtail, Prometheus and Alertmanager up");
    }

    @AfterEach
    void stop() throws Exception {
        if (traffic != null) {
            traffic.shutdownNow();
        }
        try (HealingRig closedLast = rig; Medic closedThird = medic; MonitoringStack closedFirst = monitoring) {
            System.out.println(timeline.render());
        }
    }

    @Test
    void resets_alerted_through_prometheus_stop_after_the_approved_fix_and_idle_websockets_hold() throws Exception {
        String siteBefore = Files.readString(rig.site);

        // Clients open the live feed every 300 ms; the faulty config sends the handshake as plain HTTP/1.0.
        List<WebSocketClient.Outcome> before = new CopyOnWriteArrayList<>();
        long trafficStart = System.nanoTime();
        traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleWithFixedDelay(() -> before.add(WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed",
                Duration.ZERO)), 0, 300, TimeUnit.MILLISECONDS);

        Await.until("nginx logs upstream resets", HOP, () -> rig.resetLines() >= 3, this::context);
        assertTrue(!before.isEmpty() && before.stream().allMatch(o -> o.status() == 502),
                "every handshake failed with 502: " + before);
        assertTrue(Files.readString(rig.nginx.errorLog()).contains(
                "recv() failed (104: Connection reset by peer) while reading response header from upstream"));
        timeline.mark("nginx logs 104s (" + rig.resetLines() + " so far)");

        Await.until("mtail counts the resets", HOP, () -> monitoring.mtailResets() >= 3, this::context);
        timeline.mark("mtail counts them");

        JsonNode firing = Await.until("Prometheus fires " + ALERT, HOP, () -> monitoring.prometheusFiring(ALERT),
                this::context);
        assertEquals("127.0.0.1", firing.path("labels").path("instance").asText(), firing.toString());
        assertEquals("127.0.0.1:" + rig.backend.port(), firing.path("labels").path("upstream").asText());
        timeline.mark("alert firing in Prometheus");

        Await.until("Alertmanager holds " + ALERT, HOP, () -> monitoring.alertmanagerActive(ALERT), this::context);
        timeline.mark("alert active in Alertmanager");

        String diagnosis = Await.until("medic posts the diagnosis with an Approve button", HOP,
                () -> rig.slack.call("/api/chat.postMessage", body -> body.contains("medic_approve")), this::context);
        timeline.mark("diagnosis posted to Slack");
        assertTrue(diagnosis.contains("edge-1"), diagnosis);
        assertTrue(diagnosis.contains("proxy_http_version"), "the diagnosis names the HTTP/1.0 fault: " + diagnosis);
        stopTraffic();
        double faultySeconds = (System.nanoTime() - trafficStart) / 1e9;
        long faultyResets = rig.resetLines();
        timeline.mark(String.format(java.util.Locale.ROOT, "before the fix: %d handshakes, %d 104 lines in %.1f s",
                before.size(), faultyResets, faultySeconds));

        Matcher approve = APPROVE_VALUE.matcher(diagnosis);
        assertTrue(approve.find(), diagnosis);
        assertEquals(200, rig.slack.click(medic.port(), "medic_approve", approve.group(), SlackSide.APPROVER)
                .statusCode());
        String applied = Await.until("medic reports the apply with a Rollback button", HOP,
                () -> rig.slack.call("/api/chat.update", body -> body.contains("medic_rollback")), this::context);
        timeline.mark("fix applied and nginx reloaded");
        assertTrue(applied.contains(SlackSide.APPROVER), applied);
        String siteAfter = Files.readString(rig.site);
        assertTrue(!siteAfter.equals(siteBefore) && siteAfter.contains("proxy_http_version 1.1")
                && siteAfter.contains("proxy_set_header Upgrade"), siteAfter);
        assertTrue(rig.nginx.test().passed(), "nginx -t passes on what medic wrote");

        // The reload's old worker may still take a connection or two: measure from the first handshake served.
        Await.until("a handshake through the new config", Duration.ofSeconds(15),
                () -> WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed", Duration.ZERO).status() == 101,
                this::context);
        long resetLines = rig.resetLines();
        int backendResets = rig.backend.resets();
        double counted = monitoring.mtailResets();

        long fixedStart = System.nanoTime();
        List<WebSocketClient.Outcome> held = holdIdleTunnels(4);
        assertTrue(held.stream().allMatch(o -> o.status() == 101 && o.survivedIdle()),
                "every tunnel carried a message after idling " + IDLE.toMillis() + " ms: " + held);
        for (int i = 0; i < 10; i++) {
            assertEquals(101, WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed", Duration.ZERO).status());
        }
        assertEquals(resetLines, rig.resetLines(), "no new 104 lines after the fix:\n" + rig.nginx.errorLogText());
        assertEquals(backendResets, rig.backend.resets());
        assertEquals(counted, monitoring.mtailResets(), "mtail's counter stopped rising");
        timeline.mark(String.format(java.util.Locale.ROOT, "verified: %d tunnels held %d ms idle and 10 handshakes"
                + " served; 0 new 104 lines in %.1f s", held.size(), IDLE.toMillis(),
                (System.nanoTime() - fixedStart) / 1e9));
    }

    private List<WebSocketClient.Outcome> holdIdleTunnels(int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<WebSocketClient.Outcome>> futures = clients.invokeAll(java.util.Collections.nCopies(count,
                    () -> WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed", IDLE)));
            List<WebSocketClient.Outcome> outcomes = new java.util.ArrayList<>();
            for (Future<WebSocketClient.Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            clients.shutdownNow();
        }
    }

    private void stopTraffic() throws InterruptedException {
        traffic.shutdown();
        assertTrue(traffic.awaitTermination(10, TimeUnit.SECONDS));
    }

    private String context() {
        return "Slack calls: " + rig.slack.api.wireMock().getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl()).toList()
                + "\nsshd:\n" + tail(rig.ssh.logText()) + monitoring.logs()
                + "\nnginx error log:\n" + tail(rig.nginx.errorLogText());
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 2000));
    }
}

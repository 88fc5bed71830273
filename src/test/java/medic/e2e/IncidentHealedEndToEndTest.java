package medic.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.nginx.model.NginxTime;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident reproduced and healed with real programs at every hop but Slack. Through Debian's nginx running the
 * seed's faults, WebSocket handshakes reach a strict backend as plain HTTP/1.0 and are reset, and an API client
 * pausing between requests makes nginx reuse pooled connections its backend already idled out (the keep-alive
 * race): both give real 104 lines. mtail counts them, Prometheus fires deploy's alert per upstream, Alertmanager
 * posts to medic, medic runs the shipped runbook through OpenSSH's sshd (with the backend idle timeout the inventory
 * declares), posts the diagnosis to (WireMock) Slack, and after a signed Approve applies the fix; then tunnels hold
 * idle past the old proxy_read_timeout, paced API requests get fresh connections, and neither kind of reset comes
 * back. What stops them is the applied config alone: the backends never change.
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
    /** Longer than the API backend's idle timeout (2s), shorter than the faulty pool's keepalive_timeout (4s). */
    private static final Duration API_PAUSE = Duration.ofMillis(2200);
    private static final Duration OLD_POOL_TIMEOUT = Duration.ofSeconds(4);
    private static final int AFTER_FIX_API_REQUESTS = 3;
    private static final String RESET_LINE =
            "recv() failed (104: Connection reset by peer) while reading response header from upstream";
    private static final Pattern API_POOL_TIMEOUT =
            Pattern.compile("upstream api_upstream \\{[^}]*keepalive_timeout ([0-9a-z]+);");

    @TempDir
    Path dir;

    private final Timeline timeline = new Timeline();
    private HealingRig rig;
    private Medic medic;
    private MonitoringStack monitoring;
    private ClientTraffic traffic;

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
            traffic.close();
        }
        try (HealingRig closedLast = rig; Medic closedThird = medic; MonitoringStack closedFirst = monitoring) {
            System.out.println(timeline.render());
        }
    }

    @Test
    void resets_alerted_through_prometheus_stop_after_the_approved_fix_and_idle_websockets_hold() throws Exception {
        String siteBefore = Files.readString(rig.site);
        String wsUpstream = "127.0.0.1:" + rig.backend.port();
        String apiUpstream = "127.0.0.1:" + rig.api.port();

        // The faulty config sends the handshake as plain HTTP/1.0; the API pool outlives the backend's 2s idle timeout.
        traffic = ClientTraffic.start(rig.nginxPort, API_PAUSE);

        Await.until("nginx logs WebSocket upstream resets", HOP, () -> rig.resetLines(rig.backend.port()) >= 3,
                this::context);
        Await.until("nginx logs keep-alive race resets", HOP, () -> rig.resetLines(rig.api.port()) >= 3,
                this::context);
        assertTrue(!traffic.handshakes.isEmpty() && traffic.handshakes.stream().allMatch(o -> o.status() == 502),
                "every handshake failed with 502: " + traffic.handshakes);
        assertTrue(!traffic.apiStatuses.isEmpty() && traffic.apiStatuses.stream().allMatch(s -> s == 200),
                "nginx retried every GET on a new connection after the reset: " + traffic.apiStatuses);
        assertTrue(rig.api.resets() >= 3 && rig.backend.resets() >= 3, "the backends reset: " + rig.api.resets()
                + " race, " + rig.backend.resets() + " handshake");
        String log = rig.nginx.errorLogText();
        for (String upstream : List.of(wsUpstream, apiUpstream)) {
            assertTrue(log.lines().anyMatch(line -> line.contains(RESET_LINE) && line.contains(upstream)),
                    "a 104 while reading the response header from " + upstream + ":\n" + log);
        }
        timeline.mark("nginx logs 104s: " + rig.resetLines(rig.backend.port()) + " WebSocket, "
                + rig.resetLines(rig.api.port()) + " keep-alive race");

        for (String upstream : List.of(wsUpstream, apiUpstream)) {
            Await.until("mtail counts the resets of " + upstream, HOP, () -> monitoring.mtailResets(upstream) >= 3,
                    this::context);
        }
        timeline.mark("mtail counts both kinds");

        for (String upstream : List.of(wsUpstream, apiUpstream)) {
            JsonNode firing = Await.until("Prometheus fires " + ALERT + " for " + upstream, HOP,
                    () -> monitoring.prometheusFiring(ALERT, upstream), this::context);
            assertEquals("127.0.0.1", firing.path("labels").path("instance").asText(), firing.toString());
        }
        timeline.mark("alert fired in Prometheus for both upstreams");

        for (String upstream : List.of(wsUpstream, apiUpstream)) {
            Await.until("Alertmanager holds " + ALERT + " for " + upstream, HOP,
                    () -> monitoring.alertmanagerActive(ALERT, upstream), this::context);
        }
        timeline.mark("alerts active in Alertmanager");

        String diagnosis = Await.until("medic posts the diagnosis with an Approve button", HOP,
                () -> rig.slack.call("/api/chat.postMessage", body -> body.contains("medic_approve")), this::context);
        timeline.mark("diagnosis posted to Slack");
        assertTrue(diagnosis.contains("edge-1"), diagnosis);
        for (String rule : List.of("WS01", "WS02", "KA02")) {
            assertTrue(diagnosis.contains(rule), "the diagnosis names " + rule + ": " + diagnosis);
        }
        // ws_upstream gets a pool too (KA04) though nothing tells its backend's idle timeout: the approver is told.
        assertTrue(diagnosis.contains("KA04 pools upstream ws_upstream for 75s idle"), diagnosis);
        double faultySeconds = traffic.stop();
        timeline.mark(String.format(Locale.ROOT, "before the fix: %d handshakes (all 502), %d API requests (all 200"
                + " after nginx's retry); %d WebSocket and %d keep-alive race 104 lines in %.1f s",
                traffic.handshakes.size(), traffic.apiStatuses.size(), rig.resetLines(rig.backend.port()),
                rig.resetLines(rig.api.port()), faultySeconds));

        Matcher approve = APPROVE_VALUE.matcher(diagnosis);
        assertTrue(approve.find(), diagnosis);
        assertEquals(200, rig.slack.click(medic.port(), "medic_approve", approve.group(), SlackSide.APPROVER)
                .statusCode());
        String applied = Await.until("medic reports the apply with a Rollback button", HOP,
                () -> rig.slack.call("/api/chat.update", body -> body.contains("medic_rollback")), this::context);
        ResetCounts resetsAtApply = ResetCounts.now(rig, monitoring);
        timeline.mark("fix applied and nginx reloaded");
        assertTrue(applied.contains(SlackSide.APPROVER), applied);
        String siteAfter = Files.readString(rig.site);
        assertTrue(!siteAfter.equals(siteBefore) && siteAfter.contains("proxy_http_version 1.1")
                && siteAfter.contains("proxy_set_header Upgrade"), siteAfter);
        assertEquals(Duration.ofSeconds(1), apiKeepaliveTimeout(siteAfter),
                "KA02 put the pool's timeout below the backend's declared 2s:\n" + siteAfter);
        assertTrue(rig.nginx.test().passed(), "nginx -t passes on what medic wrote");

        // medic's reload waited for the old workers to stop accepting: the very next handshake meets the new config.
        assertEquals(101, WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed", Duration.ZERO).status());
        verifyHealed(resetsAtApply);

        Await.until("medic's own recheck of the error log finds no new failures", HOP, () -> rig.slack.call(
                "/api/chat.postMessage", body -> body.contains("Recheck: no upstream failures in the error log since"
                        + " change")), this::context);
        timeline.mark("verified by medic: its error-log recheck " + HealingRig.RECHECK_DELAY.toSeconds()
                + " s after the apply found no upstream failures");
    }

    /** Idle tunnels and paced API requests over a window longer than both keep-alive timeouts: no reset at all. */
    private void verifyHealed(ResetCounts atApply) throws Exception {
        int apiConnections = rig.api.connections();

        long fixedStart = System.nanoTime();
        ExecutorService tunnels = Executors.newSingleThreadExecutor();
        Future<List<WebSocketClient.Outcome>> held = tunnels.submit(() -> holdIdleTunnels(4));
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < AFTER_FIX_API_REQUESTS; i++) {
            if (i > 0) {
                Thread.sleep(API_PAUSE.toMillis()); // the pause that used to outlive the backend's idle timeout
            }
            statuses.add(PlainHttpClient.get(rig.nginxPort, "/api/orders"));
        }
        List<WebSocketClient.Outcome> outcomes = held.get(30, TimeUnit.SECONDS);
        tunnels.shutdown();
        double window = (System.nanoTime() - fixedStart) / 1e9;
        assertTrue(window > OLD_POOL_TIMEOUT.toSeconds(), "the window outlasts both timeouts: " + window + " s");
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 101 && o.survivedIdle()),
                "every tunnel carried a message after idling " + IDLE.toMillis() + " ms: " + outcomes);
        for (int i = 0; i < 10; i++) {
            assertEquals(101, WebSocketClient.connectAndIdle(rig.nginxPort, "/ws/feed", Duration.ZERO).status());
        }
        assertEquals(java.util.Collections.nCopies(AFTER_FIX_API_REQUESTS, 200), statuses);
        assertEquals(AFTER_FIX_API_REQUESTS, rig.api.connections() - apiConnections,
                "nginx closed each idle pooled connection before the backend did, and opened a new one");
        assertEquals(atApply, ResetCounts.now(rig, monitoring), "no new 104 of either kind since the apply, in"
                + " nginx's log, at the backends or in mtail:\n" + rig.nginx.errorLogText());
        timeline.mark(String.format(Locale.ROOT, "verified: %d tunnels held %d ms idle, 10 handshakes served, %d API"
                + " requests %d ms apart on fresh connections; 0 new 104 lines of either kind in %.1f s since the"
                + " apply", outcomes.size(), IDLE.toMillis(), statuses.size(), API_PAUSE.toMillis(), window));
    }

    private static Duration apiKeepaliveTimeout(String site) {
        Matcher pool = API_POOL_TIMEOUT.matcher(site);
        return pool.find() ? NginxTime.parse(pool.group(1)) : null;
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

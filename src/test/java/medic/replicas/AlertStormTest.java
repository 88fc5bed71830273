package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert storm spread over three replicas: several upstreams of one host fire at once, each alert delivered to
 * every replica (Alertmanager in HA sends from each instance). None is lost and none is posted twice.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class AlertStormTest {
    private static final int UPSTREAMS = 6;
    private static final Pattern INCIDENT = Pattern.compile("incident=(\\d+);proposal=");

    @TempDir
    Path dir;

    private ReplicaRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void every_alert_of_a_storm_over_three_replicas_gets_exactly_one_incident_and_one_thread() throws Exception {
        List<Replica> replicas = rig.start(3);
        String firing = FakeSlackApi.fixture("../alertmanager/firing.json");
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < UPSTREAMS; i++) {
            alerts.add(firing.replace("\"upstream\":\"checkout\"", "\"upstream\":\"storm-" + i + "\"")
                    .replace("d6ce798ff250be33", String.format("%016x", 0xab00L + i)));
        }
        for (String alert : alerts) {
            assertEquals(List.of(202, 202, 202), rig.atOnce(replicas, port -> rig.flow.webhook(port, alert)));
        }
        long started = System.nanoTime();
        // The steps' reply is the last Slack call a diagnosis queues.
        rig.await(Duration.ofSeconds(120), () -> rig.calls("/api/chat.postMessage").stream()
                .filter(b -> b.contains("thread_ts=") && b.contains("nginx_dump")).count() >= UPSTREAMS
                && rig.outboxDrained(), () -> "every incident is diagnosed");
        System.out.println("alert storm: " + UPSTREAMS + " incidents over 3 replicas diagnosed and posted in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

        assertEquals(UPSTREAMS, rig.count("SELECT COUNT(*) FROM incidents WHERE stage = 'AWAITING_APPROVAL'"));
        assertEquals(UPSTREAMS, rig.count("SELECT COUNT(*) FROM runs"), "one runbook run per incident");
        List<String> parents = rig.parentPosts();
        assertEquals(UPSTREAMS, parents.size(), "one top-level message per incident; the outbox:\n"
                + rig.outboxCalls() + "\nWireMock: " + rig.flow.slack.wireMock().getAllServeEvents().stream()
                        .map(e -> e.getRequest().getUrl()).toList());
        Set<String> incidents = parents.stream().map(INCIDENT::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(UPSTREAMS, incidents.size(), "each message is another incident's: " + incidents);
        assertEquals(UPSTREAMS, rig.calls("/api/chat.postMessage").stream()
                .filter(b -> b.contains("thread_ts=") && b.contains("nginx_dump")).count(), "one steps reply each");
        System.out.println("alert storm: runs per replica " + rig.text("SELECT STRING_AGG(n::text, ',') FROM"
                + " (SELECT COUNT(*) AS n FROM runs GROUP BY runner) AS per_runner"));
    }
}

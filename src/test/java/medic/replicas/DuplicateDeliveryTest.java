package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.lifecycle.FlowRig;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code medic serve} replicas on one PostgreSQL receive the same deliveries at the same moment, as Alertmanager
 * (several instances, resends) and Slack (retries) do: each incident, Slack message and apply happens once.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class DuplicateDeliveryTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String FIRING = FakeSlackApi.fixture("../alertmanager/firing.json");

    @TempDir
    Path dir;

    private ReplicaRig rig;
    private List<Replica> replicas;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
        replicas = rig.start(2);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void the_same_alert_delivered_to_both_replicas_at_once_opens_one_incident_with_one_slack_thread()
            throws Exception {
        for (int round = 0; round < 3; round++) {
            assertEquals(List.of(202, 202), rig.atOnce(replicas, port -> rig.flow.webhook(port, FIRING)));
        }
        awaitDiagnosed();

        // Alertmanager resends while the incident waits for approval: still one incident and one thread.
        assertEquals(List.of(202, 202), rig.atOnce(replicas, port -> rig.flow.webhook(port, FIRING)));
        rig.await(LIMIT, rig::outboxDrained, () -> "the outbox drains");

        assertEquals(1, rig.count("SELECT COUNT(*) FROM incidents"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM runs"), "one runbook run");
        List<String> parents = rig.parentPosts();
        assertEquals(1, parents.size(), "one top-level Slack message: " + parents);
        assertEquals(1, rig.calls("/api/chat.postMessage").stream().filter(b -> b.contains("medic_approve")).count());
        assertEquals(1, rig.calls("/api/chat.postMessage").stream().filter(b -> b.contains("thread_ts=")
                && b.contains("nginx_dump")).count(), "one reply with the runbook's steps");
    }

    @Test
    void an_approve_click_delivered_to_both_replicas_applies_the_change_once() throws Exception {
        assertEquals(202, rig.flow.webhook(replicas.get(0).port(), FIRING).statusCode());
        String post = awaitDiagnosed();
        Matcher approve = APPROVE_VALUE.matcher(post);
        assertTrue(approve.find(), post);

        // Slack retries a slow request; the retry can land on the other replica while the first is still working.
        // Then the approver clicks again (a new request), delivered to both as well.
        for (int round = 0; round < 2; round++) {
            String click = rig.flow.clickBody("medic_approve", approve.group(), FlowRig.APPROVER);
            assertEquals(List.of(200, 200), rig.atOnce(replicas, port -> rig.flow.interaction(port, click)));
        }
        rig.await(LIMIT, () -> "APPLIED".equals(rig.text("SELECT stage FROM incidents")) && rig.outboxDrained(),
                () -> "the change is applied and the thread told");

        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_changes"));
        assertEquals("APPLIED", rig.text("SELECT state FROM apply_changes"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'RELOAD_PASSED'"),
                "one reload in the audit log");
        assertEquals(1, rig.calls("/api/chat.update").stream().filter(b -> b.contains("medic_rollback")).count(),
                "one 'applied' update of the parent");
        assertEquals(1, rig.calls("/api/chat.postMessage").stream().filter(b -> b.contains("thread_ts=")
                && b.toLowerCase().contains("reload")).count(), "one reload step in the thread");
        assertTrue(rig.flow.nginx.test().passed(), "nginx -t passes on what medic wrote");
        List<String> answers = rig.flow.slack.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/actions/")).map(e -> e.getRequest().getBodyAsString())
                .toList();
        assertEquals(1, answers.stream().filter(a -> a.contains("Approved: applying")).count(),
                "one click is answered as the approval: " + answers);
        // The second click is a double click both replicas remember (each saw the first), so neither claims it.
        assertEquals(1, rig.count("SELECT COUNT(*) FROM slack_request_claims WHERE request_key LIKE 'action:%'"),
                "the first click claimed by one replica");
        assertEquals(0, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'REFUSED'"),
                "no delivery of the first click reached the approval a second time");
    }

    @Test
    void the_same_slash_command_delivered_to_both_replicas_at_once_runs_once() throws Exception {
        String trigger = "7318201538." + UUID.randomUUID().toString().replace("-", "");

        List<HttpResponse<String>> deliveries = rig.responsesAtOnce(replicas, port -> rig.flow.slash(port, "diagnose edge-1",
                "U0ALICE", trigger));
        rig.await(LIMIT, () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents"))
                && rig.flow.answers(trigger).size() >= 2 && rig.outboxDrained(),
                () -> "the diagnosis is posted and its result answered: " + rig.flow.answers(trigger));

        assertEquals(List.of(200, 200), deliveries.stream().map(HttpResponse::statusCode).toList());
        assertEquals(1, deliveries.stream().filter(d -> d.body().contains("Working on")).count(),
                "one delivery is accepted: " + deliveries.stream().map(HttpResponse::body).toList());
        assertEquals(1, deliveries.stream().filter(d -> d.body().isEmpty()).count(),
                "the other is acknowledged with nothing to show");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM runs"), "one runbook run");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM incidents"));
        assertEquals(1, rig.parentPosts().size(), "one top-level message: " + rig.parentPosts());
        assertEquals(2, rig.flow.answers(trigger).size(), "started, then the result, once: "
                + rig.flow.answers(trigger));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM slack_request_claims WHERE request_key = 'slash:"
                + trigger + "'"));
    }

    private String awaitDiagnosed() throws InterruptedException {
        rig.await(LIMIT, () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents ORDER BY id LIMIT 1"))
                && rig.outboxDrained() && rig.calls("/api/chat.postMessage").stream()
                        .anyMatch(b -> b.contains("thread_ts=") && b.contains("nginx_dump")),
                () -> "the diagnosis and its steps are posted");
        return rig.calls("/api/chat.postMessage").stream().filter(b -> b.contains("medic_approve")).findFirst()
                .orElseThrow();
    }
}

package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.lifecycle.FlowRig;
import medic.slack.bolt.FakeSlackApi;
import medic.slack.command.Blocks;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash commands and clicks on two {@code medic serve} replicas sharing one PostgreSQL: whichever replica receives a
 * request, it is handled once, and what one replica did is what the other shows (the database is the truth).
 */
@RequiresPostgres
@RequiresProgram("nginx")
class SlackAcrossReplicasTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String ALICE = "U0ALICE";
    private static final String ACTIONS = "/actions/";

    @TempDir
    Path dir;

    private ReplicaRig rig;
    private Replica a;
    private Replica b;
    private Path slowFlag;
    private Path slowTests;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
        slowFlag = dir.resolve("slow-nginx-t");
        slowTests = dir.resolve("slow-nginx-t-starts");
        // nginx -t turns slow (8 s) once the flag file exists, so a test can catch a replica holding the host's lock.
        rig.slowNginxTestOnceFlagged(slowFlag, slowTests);
        List<Replica> replicas = rig.start(2);
        a = replicas.get(0);
        b = replicas.get(1);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void a_diagnose_typed_on_one_replica_runs_once_and_the_other_shows_it_and_applies_its_approval_once()
            throws Exception {
        String diagnose = trigger();
        assertEquals(200, rig.flow.slash(a.port(), "diagnose edge-1", ALICE, diagnose).statusCode());
        rig.await(LIMIT, () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents"))
                && rig.flow.answers(diagnose).size() >= 2 && rig.outboxDrained(),
                () -> "the diagnosis is posted and its result answered: " + rig.flow.answers(diagnose));

        assertEquals(1, rig.count("SELECT COUNT(*) FROM runs"), "one runbook run (on "
                + rig.text("SELECT runner FROM runs") + ")");
        assertEquals(1, rig.parentPosts().size(), "one top-level message: " + rig.parentPosts());
        assertEquals(1, rig.calls("/api/chat.postMessage").stream().filter(body -> body.contains("thread_ts=")
                && body.contains("nginx_dump")).count(), "one thread reply with the runbook's steps");
        List<String> answers = rig.flow.answers(diagnose);
        assertEquals(2, answers.size(), "started, then the result: " + answers);
        assertTrue(text(answers.get(0)).startsWith(":white_check_mark: Diagnosing edge-1 for <@U0ALICE>"), answers.get(0));
        assertTrue(text(answers.get(1)).startsWith(":stethoscope: The diagnosis of `edge-1` is done"), answers.get(1));

        // Replica B never saw the command: what it shows comes from the database.
        String status = trigger();
        rig.flow.slash(b.port(), "status", ALICE, status);
        String open = awaitAnswer(status);
        assertTrue(open.matches("(?s)\\*Open incidents\\* \\(1\\)\n• #\\d+ `edge-1` .*: awaiting approval .*"), open);
        String history = trigger();
        rig.flow.slash(b.port(), "history edge-1", ALICE, history);
        String entries = awaitAnswer(history);
        assertTrue(entries.contains("diagnosed by medic: incident "), entries);

        // The click on A's diagnosis arrives at B.
        Matcher approve = APPROVE_VALUE.matcher(rig.parentPosts().get(0));
        assertTrue(approve.find());
        assertEquals(200, rig.flow.click(b.port(), "medic_approve", approve.group(), FlowRig.APPROVER).statusCode());
        rig.await(LIMIT, () -> "APPLIED".equals(rig.text("SELECT stage FROM incidents")) && rig.outboxDrained(),
                () -> "the change is applied and the thread told");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_changes"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'RELOAD_PASSED'"));
        assertEquals(List.of(":white_check_mark: Approved: applying change 1 on edge-1; progress follows in the thread."),
                rig.flow.slack.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl()
                        .startsWith(ACTIONS)).map(e -> text(e.getRequest().getBodyAsString())).toList());
        String after = trigger();
        rig.flow.slash(a.port(), "history edge-1", ALICE, after);
        assertTrue(awaitAnswer(after).contains("roll back with /medic rollback 1"), "A shows B's apply");
    }

    @Test
    void the_same_click_on_both_replicas_applies_once_and_a_rollback_waits_for_the_replica_holding_the_host()
            throws Exception {
        String before = Files.readString(rig.flow.site);
        assertEquals(202, rig.flow.webhook(a.port(), FakeSlackApi.fixture("../alertmanager/firing.json")).statusCode());
        rig.await(LIMIT, () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents"))
                && rig.outboxDrained() && !rig.parentPosts().isEmpty(), () -> "the diagnosis is posted");
        Matcher approve = APPROVE_VALUE.matcher(rig.parentPosts().get(0));
        assertTrue(approve.find());

        // One click (a Slack retry, or a load balancer's) reaches both replicas at the same moment: the replica that
        // claims it approves and answers; the other acknowledges and does nothing.
        String click = rig.flow.clickBody("medic_approve", approve.group(), FlowRig.APPROVER);
        assertEquals(List.of(200, 200), rig.atOnce(List.of(a, b), port -> rig.flow.interaction(port, click)));
        rig.await(LIMIT, () -> "APPLIED".equals(rig.text("SELECT stage FROM incidents")) && rig.outboxDrained()
                && !clickAnswers().isEmpty(), () -> "applied, and the click answered: " + clickAnswers());
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_changes"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'RELOAD_PASSED'"));
        List<String> answers = clickAnswers();
        assertEquals(1, answers.size(), "one answer, and nothing left to send: " + answers);
        assertTrue(answers.get(0).startsWith(":white_check_mark: Approved: applying change 1"), answers.toString());
        assertEquals(0, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'REFUSED'"),
                "the other delivery never reached the approval");
        String claimant = rig.text("SELECT claimed_by FROM slack_request_claims WHERE request_key LIKE 'action:%'");
        assertTrue(claimant.equals(a.instanceId()) || claimant.equals(b.instanceId()), claimant);

        // A rolls the change back slowly (nginx -t takes 8 s) holding edge-1's lock; B is asked the same meanwhile.
        Files.writeString(slowFlag, "on\n");
        String first = trigger();
        rig.flow.slash(a.port(), "rollback 1", FlowRig.APPROVER, first);
        rig.await(LIMIT, () -> Files.exists(slowTests), () -> "A's rollback reaches nginx -t");
        String second = trigger();
        rig.flow.slash(b.port(), "rollback 1", FlowRig.APPROVER, second);
        String busy = awaitAnswer(second);
        assertEquals(a.applyHolder(), rig.text("SELECT holder FROM apply_locks"), "A still holds edge-1: " + busy);
        assertEquals(":warning: Not done: `rollback 1`: Change 1 was not rolled back: change 1 is being rolled back"
                + " already (by another request); its steps follow in the incident's thread", busy);

        assertEquals(":white_check_mark: Rolled back change 1 on edge-1.", awaitAnswer(first));
        assertEquals("ROLLED_BACK", rig.text("SELECT state FROM apply_changes"));
        assertEquals(0, rig.count("SELECT COUNT(*) FROM apply_locks"), "the lock is released");
        assertEquals(2, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'ROLLBACK_REQUESTED'"),
                "both requests are in the audit log");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'RESTORE_PASSED'"), "restored once");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_audit WHERE event = 'LOCK_FAILED'"), "B refused before touching the host");
        assertEquals(before, Files.readString(rig.flow.site), "the backed-up config is back");
        assertTrue(rig.flow.nginx.test().passed(), "nginx -t passes on the restored config");

        // A double click on Re-run (two requests), one click per replica: one new run, and the other click is told it is
        // under way.
        Files.delete(slowFlag);
        rig.await(LIMIT, rig::outboxDrained, () -> "the rollback's thread replies are out");
        String incident = approve.group(1);
        assertEquals(List.of(200, 200), rig.atOnce(List.of(a, b), port -> rig.flow.click(port, "medic_rerun",
                "incident=" + incident, ALICE)));
        rig.await(LIMIT, () -> clickAnswers().size() == 3, () -> "both re-run clicks answered: " + clickAnswers());
        List<String> reruns = clickAnswers().stream().filter(t -> t.contains("Re-running") || t.contains("`re-run "))
                .toList();
        assertEquals(2, reruns.size(), clickAnswers().toString());
        assertEquals(1, reruns.stream().filter(t -> t.equals(":white_check_mark: Re-running the diagnosis of edge-1."))
                .count(), reruns.toString());
        assertEquals(1, reruns.stream().filter(t -> t.startsWith(":warning: Not done: `re-run incident " + incident
                + "`: incident " + incident + " is busy (")).count(), reruns.toString());
        assertEquals(2, rig.count("SELECT COUNT(*) FROM runs"), "the alert's run and one re-run");
    }

    private List<String> clickAnswers() {
        return rig.flow.slack.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(ACTIONS))
                .map(e -> text(e.getRequest().getBodyAsString())).toList();
    }

    private String awaitAnswer(String triggerId) throws InterruptedException {
        rig.await(LIMIT, () -> !rig.flow.answers(triggerId).isEmpty(), () -> "an answer at " + triggerId);
        return text(rig.flow.answers(triggerId).get(0));
    }

    /** The section text of a response_url body, checked as Block Kit within Slack's limits. */
    private static String text(String body) {
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        return Blocks.sectionText(json);
    }

    private static String trigger() {
        return "7318201538." + UUID.randomUUID().toString().replace("-", "");
    }
}

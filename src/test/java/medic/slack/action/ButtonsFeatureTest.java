package medic.slack.action;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static medic.slack.action.Clicks.PROPOSAL;
import static medic.slack.command.TestPolicy.ALICE;
import static medic.slack.command.TestPolicy.BOB_ONCALL;
import static medic.slack.command.TestPolicy.DAVE_LEAD;
import static medic.slack.command.TestPolicy.EVE_NOBODY;
import static medic.slack.command.TestPolicy.OPS;
import static medic.slack.command.TestPolicy.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import medic.slack.Actions;
import medic.slack.access.Action;
import medic.slack.access.CachedUserGroupMembers;
import medic.slack.access.Permissions;
import medic.slack.access.Refusal;
import medic.slack.access.SlackUserGroupMembers;
import medic.slack.command.Background;
import medic.slack.command.DuplicateGuard;
import medic.slack.command.FakeOperations;
import medic.slack.command.BlockReplies;
import medic.slack.command.Replies;
import medic.slack.message.MessageTemplates;
import medic.slack.command.RecordingOutbox;
import medic.slack.command.SlackTestApp;
import medic.slack.command.TestPolicy;
import medic.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ButtonsFeatureTest {

    private static final String APPROVE_42 = "incident=42;proposal=" + PROPOSAL;

    private final SlackTestApp slack = new SlackTestApp();
    private final Clicks clicks = new Clicks(slack);
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final FakeOperations operations = new FakeOperations().requestedBy(ALICE);
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ManualClock clock = new ManualClock(Instant.now());
    private final AtomicLong actionTs = new AtomicLong(1714557800_000001L);

    @BeforeEach
    void install() {
        TestPolicy.stubGroups(slack);
        Permissions permissions = new Permissions(TestPolicy.policy(), new CachedUserGroupMembers(
                new SlackUserGroupMembers(slack.methods()), Duration.ofMinutes(1), clock));
        Replies replies = new BlockReplies(MessageTemplates.defaults(), "/medic");
        slack.install(new ButtonsFeature(permissions, operations, replies, outbox,
                new Background(workers, outbox, replies, refusals::add),
                new DuplicateGuard(Duration.ofSeconds(30), clock), Duration.ofHours(1)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        operations.release();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        slack.close();
    }

    @Test
    void an_approver_in_a_group_approves_what_someone_else_asked_for() throws Exception {
        Response ack = click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS);

        assertEquals(200, ack.getStatusCode());
        RecordingOutbox.Response answer = outbox.next();
        assertEquals(":white_check_mark: Applying incident #42's proposal", answer.text());
        assertTrue(answer.ephemeral());
        assertEquals(List.of("approve 42 by W0DAVE"), operations.calls);
    }

    @Test
    void the_requester_may_not_approve_their_own_change() throws Exception {
        click(Actions.APPROVE, APPROVE_42, ALICE, OPS);

        assertEquals(":no_entry: `approve incident 42` is not allowed: you asked for this change, so someone else must approve "
                + "it (four-eyes rule); ask another approver in this channel or #ops-leads", outbox.next().text());
        assertTrue(operations.calls.isEmpty());
        assertEquals(Action.APPROVE, refusals.get(0).action());
        assertEquals(ALICE, refusals.get(0).userId());
    }

    @Test
    void a_user_who_may_only_diagnose_cannot_approve() throws Exception {
        click(Actions.APPROVE, APPROVE_42, BOB_ONCALL, OPS);

        assertEquals(":no_entry: `approve incident 42` is not allowed: you are not in an approver group for this channel; ask "
                + "#ops-leads", outbox.next().text());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void an_approver_cannot_approve_from_a_channel_without_a_grant() throws Exception {
        click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, RANDOM);

        assertTrue(outbox.next().text().contains("medic does not take approve requests in this channel (C0RANDOM1)"));
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void an_unreadable_approver_group_denies_the_approval() throws Exception {
        slack.stubMethod("usergroups.users.list", "{\"ok\":false,\"error\":\"no_such_subteam\"}");

        click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS);

        assertTrue(outbox.next().text().contains("could not check your approver group membership (Slack refused "
                + "usergroups.users.list for S0LEADS (no_such_subteam)"));
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_tampered_value_is_answered_and_nothing_is_done() throws Exception {
        for (String value : List.of("incident=42;proposal=" + PROPOSAL.toUpperCase(), "incident=42; rm -rf /",
                "incident=-1", "", "incident=42")) {
            click(Actions.APPROVE, value, DAVE_LEAD, OPS);
            String text = outbox.next().text();
            assertTrue(text.startsWith(":no_entry_sign: medic did nothing: this button's value is not one medic wrote"), text);
        }
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(operations.calls.isEmpty());
        assertTrue(refusals.isEmpty());
    }

    @Test
    void a_retried_request_and_a_double_click_call_the_operation_once() throws Exception {
        String first = clicks.click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS, "1714557800.000001");
        slack.run(first);
        outbox.next();

        assertEquals(200, slack.run(first).getStatusCode(), "Slack's retry of the same request");
        assertEquals(200, click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS).getStatusCode(), "a double click");

        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of("approve 42 by W0DAVE"), operations.calls);
        assertEquals(List.of(":repeat: You asked for `approve incident 42` a moment ago and medic is on it; the same request "
                + "within 30 seconds counts once."), outbox.pending().stream().map(RecordingOutbox.Response::text)
                .toList(), "the double click is answered, the retry is not");
    }

    @Test
    void the_same_click_counts_again_once_the_window_has_passed() throws Exception {
        click(Actions.RERUN, "incident=42", BOB_ONCALL, OPS);
        outbox.next();
        clock.advance(Duration.ofSeconds(31));

        click(Actions.RERUN, "incident=42", BOB_ONCALL, OPS);
        outbox.next();

        assertEquals(List.of("rerun 42 by U0BOB", "rerun 42 by U0BOB"), operations.calls);
    }

    @Test
    void a_replayed_request_stays_dropped_after_the_double_click_window() throws Exception {
        String first = clicks.click(Actions.RERUN, "incident=42", BOB_ONCALL, OPS, "1714557800.000002");
        slack.run(first);
        outbox.next();
        clock.advance(Duration.ofMinutes(2));

        slack.run(first);

        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of("rerun 42 by U0BOB"), operations.calls);
    }

    @Test
    void the_click_is_acknowledged_before_slow_work_finishes() throws Exception {
        operations.slow();

        Response ack = click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS);

        assertEquals(200, ack.getStatusCode());
        assertTrue(outbox.pending().isEmpty(), "the apply is still running, so nothing was answered yet");
        operations.release();
        assertEquals(":white_check_mark: Applying incident #42's proposal", outbox.next().text());
    }

    @Test
    void re_run_and_snooze_need_only_the_diagnose_permission() throws Exception {
        click(Actions.RERUN, "incident=42", BOB_ONCALL, OPS);
        assertEquals(":white_check_mark: Diagnosing incident #42 again", outbox.next().text());
        click(Actions.SNOOZE, "incident=42", BOB_ONCALL, OPS);
        assertEquals(":white_check_mark: Snoozed incident #42", outbox.next().text());
        click(Actions.SNOOZE, "incident=43", EVE_NOBODY, OPS);
        assertTrue(outbox.next().text().startsWith(":no_entry: `snooze incident 43` is not allowed"));

        assertEquals(List.of("rerun 42 by U0BOB", "snooze 42 by U0BOB for PT1H"), operations.calls);
    }

    @Test
    void rollback_needs_an_approver_but_no_second_person() throws Exception {
        String rollback = "incident=42;proposal=" + PROPOSAL;
        click(Actions.ROLLBACK, rollback, BOB_ONCALL, OPS);
        assertTrue(outbox.next().text().startsWith(":no_entry: `roll back incident 42` is not allowed: you are not in an approver"));

        click(Actions.ROLLBACK, rollback, ALICE, OPS);
        assertEquals(":white_check_mark: Rolling back incident #42's change", outbox.next().text());
        assertEquals(List.of("rollback 42 by U0ALICE"), operations.calls);
    }

    @Test
    void reject_opens_its_dialog_again_after_a_cancel() {
        slack.stubMethod("views.open", SlackTestApp.fixture("slack/views.open.json"));

        click(Actions.REJECT, "incident=42", DAVE_LEAD, OPS);
        click(Actions.REJECT, "incident=42", DAVE_LEAD, OPS);

        slack.slack.verify(2, postRequestedFor(urlEqualTo("/api/views.open")));
    }

    @Test
    void a_resubmitted_reject_dialog_rejects_once() throws Exception {
        String submission = clicks.rejectSubmission(DAVE_LEAD, "wrong upstream");
        slack.run(submission);
        outbox.next();
        slack.run(submission);

        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of("reject 42 by W0DAVE: wrong upstream"), operations.calls);
    }

    @Test
    void reject_opens_a_dialog_asking_why_and_does_nothing_yet() {
        slack.stubMethod("views.open", SlackTestApp.fixture("slack/views.open.json"));

        Response ack = click(Actions.REJECT, "incident=42", DAVE_LEAD, OPS);

        assertEquals(200, ack.getStatusCode());
        slack.slack.verify(postRequestedFor(urlEqualTo("/api/views.open"))
                .withRequestBody(containing("trigger_id=7318201540.1234567890.c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6"))
                .withRequestBody(containing("medic_reject_reason")));
        assertTrue(operations.calls.isEmpty());
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void a_reject_dialog_that_cannot_open_is_said_so() throws Exception {
        slack.stubMethod("views.open", SlackTestApp.fixture("slack/views.open-expired-trigger.json"));

        click(Actions.REJECT, "incident=42", DAVE_LEAD, OPS);

        assertEquals(":x: `reject incident 42` failed: the dialog asking why could not open (Slack said "
                + "expired_trigger_id); click Reject again", outbox.next().text());
    }

    @Test
    void submitting_the_reject_dialog_rejects_with_the_reason() throws Exception {
        Response ack = slack.run(clicks.rejectSubmission(DAVE_LEAD, "  the backend team raises its timeout  "));

        assertEquals(200, ack.getStatusCode());
        assertEquals(":white_check_mark: Rejected incident #42's proposal", outbox.next().text());
        assertEquals(List.of("reject 42 by W0DAVE: the backend team raises its timeout"), operations.calls);
    }

    @Test
    void the_reject_dialog_asks_again_for_a_blank_reason() {
        Response ack = slack.run(clicks.rejectSubmission(DAVE_LEAD, "   "));

        assertTrue(ack.getBody().contains("\"response_action\":\"errors\""), ack.getBody());
        assertTrue(ack.getBody().contains("\"reason\":\"Say why"), ack.getBody());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void rejecting_needs_the_approve_permission() throws Exception {
        slack.run(clicks.rejectSubmission(EVE_NOBODY, "no"));

        assertEquals(":no_entry: `reject incident 42` is not allowed: you are not in an approver group for this channel; ask "
                + "#ops-leads", outbox.next().text());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_reject_dialog_medic_did_not_open_does_nothing() throws InterruptedException {
        Response ack = slack.run(clicks.rejectSubmissionWithMetadata(DAVE_LEAD, "{\"value\":\"incident=0\"}"));

        assertEquals(200, ack.getStatusCode());
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(operations.calls.isEmpty());
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void a_click_with_a_bad_signature_is_refused() {
        String body = clicks.click(Actions.APPROVE, APPROVE_42, DAVE_LEAD, OPS, "1714557800.000003");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());

        assertEquals(401, slack.runSigned(body, timestamp, "v0=" + "f".repeat(64)).getStatusCode());
        assertTrue(operations.calls.isEmpty());
    }

    private Response click(String actionId, String value, String userId, String channelId) {
        long ts = actionTs.incrementAndGet();
        return slack.run(clicks.click(actionId, value, userId, channelId, ts / 1_000_000 + "." + ts % 1_000_000));
    }
}

package medic.slack.command;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static medic.slack.command.TestPolicy.ALICE;
import static medic.slack.command.TestPolicy.BOB_ONCALL;
import static medic.slack.command.TestPolicy.EVE_NOBODY;
import static medic.slack.command.TestPolicy.OPS;
import static medic.slack.command.TestPolicy.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import medic.MedicException;
import medic.slack.access.CachedUserGroupMembers;
import medic.slack.access.Permissions;
import medic.slack.access.Refusal;
import medic.slack.access.SlackUserGroupMembers;
import medic.slack.message.MessageTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashCommandFeatureTest {
    private static final Replies REPLIES = new BlockReplies(MessageTemplates.defaults(), "/medic");

    private final SlackTestApp slack = new SlackTestApp();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final FakeOperations operations = new FakeOperations();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @BeforeEach
    void install() {
        TestPolicy.stubGroups(slack);
        Permissions permissions = new Permissions(TestPolicy.policy(), new CachedUserGroupMembers(
                new SlackUserGroupMembers(slack.methods()), Duration.ofMinutes(1), Clock.systemUTC()));
        slack.install(new SlashCommandFeature("/medic", Set.of("web-1", "web-2", "edge-lb-1"), permissions,
                operations, REPLIES, new Background(workers, outbox, REPLIES, refusals::add),
                new DuplicateGuard(Duration.ofMinutes(1), Clock.systemUTC())));
    }

    @AfterEach
    void stop() throws InterruptedException {
        operations.release();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        slack.close();
    }

    @Test
    void diagnose_acknowledges_at_once_and_answers_the_channel_through_the_response_url() throws Exception {
        Response ack = command(ALICE, OPS, "diagnose web-1");

        assertEquals(200, ack.getStatusCode());
        assertEquals("ephemeral", body(ack).get("response_type").getAsString());
        assertEquals(":hourglass_flowing_sand: Working on `diagnose web-1`…", body(ack).get("text").getAsString());
        assertEquals(body(ack).get("text").getAsString(), Blocks.sectionText(body(ack)), "the ack is Block Kit");
        RecordingOutbox.Response answer = outbox.next();
        assertEquals(":white_check_mark: <@U0ALICE> asked for a diagnosis of web-1: incident #42", answer.text());
        assertFalse(answer.ephemeral(), "the channel sees that a diagnosis was asked for");
        assertTrue(answer.responseUrl().startsWith("http://127.0.0.1:" + slack.slack.port() + "/commands/"),
                answer.responseUrl());
        assertEquals(List.of("diagnose web-1 by U0ALICE in C0OPS0001"), operations.calls);
    }

    @Test
    void the_acknowledgement_returns_before_slow_work_finishes() throws Exception {
        operations.slow();

        Response ack = command(ALICE, OPS, "diagnose web-2");

        assertEquals(":hourglass_flowing_sand: Working on `diagnose web-2`…", body(ack).get("text").getAsString());
        assertTrue(outbox.pending().isEmpty(), "the diagnosis is still running, so nothing was answered yet");
        operations.release();
        assertEquals(":white_check_mark: <@U0ALICE> asked for a diagnosis of web-2: incident #42", outbox.next().text());
    }

    @Test
    void status_lists_the_open_incidents_to_the_asker_only() throws Exception {
        command(BOB_ONCALL, OPS, "status");

        RecordingOutbox.Response answer = outbox.next();
        assertEquals("*Open incidents* (1)\n• #42 `web-1` \u2192 app_backend: diagnosed (opened <!date^1746093720"
                + "^{date_short_pretty} {time}|2025-05-01 10:02 UTC>)", answer.text());
        assertTrue(answer.ephemeral());
    }

    @Test
    void history_shows_the_hosts_latest_audit_entries() throws Exception {
        command(ALICE, OPS, "history edge-lb-1");

        assertEquals("*History of* `edge-lb-1` (1 entries, newest first)\n• <!date^1746093900^{date_short_pretty} "
                + "{time}|2025-05-01 10:05 UTC> · applied by <@W0DAVE>: change chg-7 on edge-lb-1", outbox.next().text());
        assertEquals(List.of("history edge-lb-1 limit 20"), operations.calls);
    }

    @Test
    void rollback_by_an_approver_is_announced_in_the_channel() throws Exception {
        command(ALICE, OPS, "rollback chg-7");

        RecordingOutbox.Response answer = outbox.next();
        assertEquals(":white_check_mark: Rolled back chg-7", answer.text());
        assertFalse(answer.ephemeral());
    }

    @Test
    void a_refused_rollback_is_told_to_the_asker_only() throws Exception {
        command(ALICE, OPS, "rollback chg-404");

        RecordingOutbox.Response answer = outbox.next();
        assertEquals(":warning: Not done: `rollback chg-404`: there is no change chg-404", answer.text());
        assertTrue(answer.ephemeral());
    }

    @Test
    void rollback_needs_the_approve_permission_not_just_diagnose() throws Exception {
        command(BOB_ONCALL, OPS, "rollback chg-7");

        assertEquals(":no_entry: `rollback chg-7` is not allowed: you are not in an approver group for this channel;"
                + " ask #ops-leads", outbox.next().text());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void help_answers_at_once_without_work() {
        for (String text : List.of("help", "", "  HELP  ")) {
            Response ack = command(EVE_NOBODY, RANDOM, text);
            assertTrue(body(ack).get("text").getAsString().startsWith("*/medic* runs medic from Slack:\n"
                    + "• `/medic diagnose &lt;host&gt;`"), text);
            assertEquals(body(ack).get("text").getAsString(), Blocks.sectionText(body(ack)));
        }
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void an_unknown_subcommand_is_answered_with_the_ones_that_exist() {
        Response ack = command(ALICE, OPS, "restart web-1");

        assertEquals(":thinking_face: `restart` is not a medic subcommand. Try `/medic help`.",
                body(ack).get("text").getAsString());
        assertEquals("ephemeral", body(ack).get("response_type").getAsString());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void an_unknown_host_is_answered_with_close_matches_and_the_inventory() {
        Response ack = command(ALICE, OPS, "diagnose web-9");

        assertEquals(":thinking_face: `web-9` is not in the inventory. Did you mean `web-1`, `web-2`? Known hosts (3):"
                + " `edge-lb-1`, `web-1`, `web-2`\nUse one of them, or add the host to the inventory and restart medic.",
                body(ack).get("text").getAsString());
        assertEquals("ephemeral", body(ack).get("response_type").getAsString());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_host_slack_turned_into_a_link_is_read_as_the_host() throws Exception {
        command(ALICE, OPS, "history <http://web-1|web-1>");

        assertTrue(outbox.next().text().startsWith("*History of* `web-1`"));
    }

    @Test
    void missing_or_extra_arguments_are_refused_before_any_work() {
        assertEquals(":thinking_face: diagnose takes one inventory host: `diagnose &lt;host&gt;`\nType `/medic help`"
                + " for what medic understands.", body(command(ALICE, OPS, "diagnose")).get("text").getAsString());
        assertTrue(body(command(ALICE, OPS, "status web-1")).get("text").getAsString()
                .startsWith(":thinking_face: status takes no arguments"));
        assertTrue(body(command(ALICE, OPS, "rollback ../etc/passwd")).get("text").getAsString()
                .startsWith(":thinking_face: \"../etc/passwd\" is not a change id"));
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_user_without_permission_is_denied_and_the_refusal_recorded() throws Exception {
        command(EVE_NOBODY, OPS, "diagnose web-1");

        RecordingOutbox.Response answer = outbox.next();
        assertEquals(":no_entry: `diagnose web-1` is not allowed: you are not in an allowed diagnose group for this"
                + " channel; ask #ops-leads", answer.text());
        assertTrue(answer.ephemeral());
        assertTrue(operations.calls.isEmpty());
        assertEquals(List.of(new Refusal(medic.slack.access.Action.DIAGNOSE, "diagnose web-1", EVE_NOBODY, OPS,
                "you are not in an allowed diagnose group for this channel; ask #ops-leads")), refusals);
    }

    @Test
    void an_allowed_user_in_a_channel_without_a_grant_is_denied() throws Exception {
        command(ALICE, RANDOM, "status");

        assertEquals(":no_entry: `status` is not allowed: medic does not take diagnose requests in this channel"
                + " (C0RANDOM1); use <#C0OPS0001> or ask #ops-leads", outbox.next().text());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_member_of_a_granted_group_may_diagnose_as_slack_lists_it() throws Exception {
        command(BOB_ONCALL, OPS, "diagnose web-1");

        assertEquals(":white_check_mark: <@U0BOB> asked for a diagnosis of web-1: incident #42", outbox.next().text());
        slack.slack.verify(postRequestedFor(urlEqualTo("/api/usergroups.users.list")));
    }

    @Test
    void a_failed_group_lookup_denies_and_says_why() throws Exception {
        slack.stubMethod("usergroups.users.list",
                SlackTestApp.fixture("slack/usergroups.users.list-missing-scope.json"));

        command(BOB_ONCALL, OPS, "diagnose web-1");

        assertEquals(":no_entry: `diagnose web-1` is not allowed: could not check your diagnose group membership (Slack refused "
                + "usergroups.users.list for S0ONCALL (missing_scope): the bot token needs the usergroups:read "
                + "scope), so diagnose is denied for now; try again in a minute or ask #ops-leads",
                outbox.next().text());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void a_replayed_command_runs_once() throws Exception {
        String body = slack.slashCommand(Map.of("user_id", ALICE, "channel_id", OPS, "text", "rollback chg-7"));
        slack.run(body);
        outbox.next();

        assertEquals(200, slack.run(body).getStatusCode());

        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of("rollback chg-7 by U0ALICE"), operations.calls);
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void the_same_command_typed_twice_at_once_runs_once_and_says_so() throws Exception {
        command(ALICE, OPS, "diagnose web-1");
        outbox.next();

        Response second = command(ALICE, OPS, "diagnose web-1");

        assertEquals(":repeat: You asked for `diagnose web-1` a moment ago and medic is on it; the same request within "
                + "1 minute counts once.", body(second).get("text").getAsString());
        assertEquals(1, operations.calls.size());
        command(ALICE, OPS, "diagnose web-2");
        outbox.next();
        assertEquals(2, operations.calls.size(), "another host is another request");
    }

    @Test
    void a_failed_operation_is_answered_in_words() throws Exception {
        operations.failingWith(new MedicException("web-1: ssh connection refused; check the host is up"));
        command(ALICE, OPS, "diagnose web-1");
        assertEquals(":x: `diagnose web-1` failed: web-1: ssh connection refused; check the host is up",
                outbox.next().text());

        operations.failingWith(new IllegalStateException("bug"));
        command(ALICE, OPS, "diagnose web-2");
        String text = outbox.next().text();
        assertTrue(text.matches(":x: `diagnose web-2` failed: an internal error \\(logged as error [0-9a-f]{8}\\); "
                + "try again, and tell medic's operators if it persists"), text);
    }

    @Test
    void a_full_executor_is_answered_as_busy() {
        SlackTestApp other = new SlackTestApp();
        try {
            Permissions permissions = new Permissions(TestPolicy.policy(), groupId -> Set.of());
            Background refusing = new Background(work -> {
                throw new java.util.concurrent.RejectedExecutionException("queue full");
            }, outbox, REPLIES, refusals::add);
            other.install(new SlashCommandFeature("/medic", Set.of("web-1"), permissions, operations,
                    REPLIES, refusing, new DuplicateGuard(Duration.ofMinutes(1), Clock.systemUTC())));

            Response ack = other.run(other.slashCommand(Map.of("text", "diagnose web-1")));

            assertEquals(":hourglass: medic is busy and did not queue `diagnose web-1`; try again in a minute.",
                    body(ack).get("text").getAsString());
        } finally {
            other.close();
        }
    }

    @Test
    void a_request_with_a_bad_signature_is_refused_before_any_handler() {
        String body = slack.slashCommand(Map.of("text", "diagnose web-1"));
        String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());

        Response response = slack.runSigned(body, timestamp, "v0=" + "0".repeat(64));

        assertEquals(401, response.getStatusCode());
        assertTrue(operations.calls.isEmpty());
    }

    private Response command(String userId, String channelId, String text) {
        return slack.run(slack.slashCommand(Map.of("user_id", userId, "channel_id", channelId, "text", text,
                "trigger_id", "7318201538." + System.nanoTime() + ".3f0c2e8c")));
    }

    private static JsonObject body(Response response) {
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }
}

package medic.slack.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import medic.slack.Actions;
import medic.slack.bolt.FakeSlackApi;
import medic.slack.command.FakeOperations;
import medic.slack.command.RecordingOutbox;
import medic.slack.command.TestPolicy;
import medic.testing.ServedMedic;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database receive the same signed Slack request at the same moment over HTTP, as a load
 * balancer or Slack's retry delivers it: one does the work and answers, the other acknowledges with nothing.
 * Run by one subclass per database vendor.
 */
abstract class RequestsAcrossReplicasContract {
    private static final String APPROVE_42 = "incident=42;proposal=" + Clicks.PROPOSAL;

    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private final FakeSlackApi slack = new FakeSlackApi();
    // Both replicas' operations and outbox in one place: what all of medic did, whichever replica did it.
    private final FakeOperations operations = new FakeOperations().requestedBy(TestPolicy.BOB_ONCALL);
    private final RecordingOutbox outbox = new RecordingOutbox();
    private TestDatabase testDatabase;
    private SlackReplica replicaA;
    private SlackReplica replicaB;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void start() {
        testDatabase = newTestDatabase();
        replicaA = new SlackReplica("replica-a", testDatabase.settings(), slack, operations, outbox);
        replicaB = new SlackReplica("replica-b", testDatabase.settings(), slack, operations, outbox);
    }

    @AfterEach
    void stop() throws Exception {
        try (FakeSlackApi closing = slack; TestDatabase database = testDatabase; SlackReplica a = replicaA;
                SlackReplica b = replicaB) {
            senders.shutdownNow();
        }
    }

    @Test
    void the_same_slash_command_delivered_to_two_replicas_runs_once() throws Exception {
        String command = slashCommand("diagnose web-1", "7318201538." + UUID.randomUUID());

        List<HttpResponse<String>> acks = toBothAtOnce(command);
        replicaA.finishWork();
        replicaB.finishWork();

        assertEquals(List.of(200, 200), acks.stream().map(HttpResponse::statusCode).toList());
        assertEquals(List.of("", ":hourglass_flowing_sand: Working on `diagnose web-1`…"),
                acks.stream().map(ack -> ackText(ack.body())).sorted().toList(), "one is accepted, one acknowledged");
        assertEquals(List.of("diagnose web-1 by U0ALICE in C0OPS0001"), operations.calls);
        assertEquals(":white_check_mark: <@U0ALICE> asked for a diagnosis of web-1: incident #42",
                outbox.next().text());
        assertEquals(List.of(), outbox.pending(), "one answer");
    }

    @Test
    void an_approve_click_delivered_to_two_replicas_approves_once() throws Exception {
        String click = click(Actions.APPROVE, APPROVE_42, TestPolicy.ALICE);

        List<HttpResponse<String>> acks = toBothAtOnce(click);
        replicaA.finishWork();
        replicaB.finishWork();

        assertEquals(List.of(200, 200), acks.stream().map(HttpResponse::statusCode).toList());
        assertEquals(List.of("approve 42 by U0ALICE"), operations.calls);
        assertEquals(":white_check_mark: Applying incident #42's proposal", outbox.next().text());
        assertEquals(List.of(), outbox.pending(), "one answer: the other delivery is dropped without a word");
    }

    @Test
    void two_clicks_are_two_requests_even_on_two_replicas() throws Exception {
        List<HttpResponse<String>> first = toBothAtOnce(click(Actions.RERUN, "incident=42", TestPolicy.ALICE));
        ServedMedic.signed(replicaB.port(), click(Actions.RERUN, "incident=43", TestPolicy.ALICE));
        replicaA.finishWork();
        replicaB.finishWork();

        assertEquals(List.of(200, 200), first.stream().map(HttpResponse::statusCode).toList());
        assertEquals(List.of("rerun 42 by U0ALICE", "rerun 43 by U0ALICE"), operations.calls.stream().sorted().toList());
    }

    private List<HttpResponse<String>> toBothAtOnce(String body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int port : List.of(replicaA.port(), replicaB.port())) {
            sent.add(senders.submit(() -> {
                go.await();
                return ServedMedic.signed(port, body);
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : sent) {
            responses.add(response.get());
        }
        return responses;
    }

    private String slashCommand(String text, String triggerId) {
        return fixture("slash-command.form").strip()
                .replace("text=diagnose+web-1", "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
                .replace("trigger_id=7318201538.1234567890.3f0c2e8c7d9a4b5e6f708192a3b4c5d6", "trigger_id="
                        + URLEncoder.encode(triggerId, StandardCharsets.UTF_8));
    }

    /** A new click: its own action_ts and trigger_id, as Slack gives every click. */
    private String click(String actionId, String value, String userId) {
        JsonObject payload = JsonParser.parseString(fixture("block_actions.json")).getAsJsonObject();
        payload.addProperty("trigger_id", "7318201540." + UUID.randomUUID());
        payload.getAsJsonObject("user").addProperty("id", userId);
        JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("value", value);
        Instant now = Instant.now();
        action.addProperty("action_ts", now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000));
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private String fixture(String file) {
        return FakeSlackApi.fixture(file).replace("WIREMOCK_PORT", String.valueOf(slack.wireMock().port()));
    }

    /** The text of an acknowledgement's body, or "" for an empty acknowledgement. */
    private static String ackText(String body) {
        return body.isEmpty() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}

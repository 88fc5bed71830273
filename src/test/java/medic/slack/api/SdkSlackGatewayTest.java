package medic.slack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import medic.slack.SlackMessage;
import medic.slack.api.SlackCallException.Retry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SdkSlackGatewayTest {

    private static final SlackMessage MESSAGE = new SlackMessage("nginx upstream resets on web-1",
            "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*web-1*\"}}]");

    private final SlackWebApiStub slack = SlackWebApiStub.start();
    private final SdkSlackGateway gateway = SdkSlackGateway.connect(slack.settings());

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        slack.close();
    }

    @Test
    void posts_a_top_level_message_with_its_blocks_and_returns_where_slack_put_it() {
        PostedMessage posted = gateway.postMessage("C0001", null, MESSAGE);

        ReceivedCall call = slack.received().get(0);
        assertEquals("chat.postMessage", call.method());
        assertEquals(new PostedMessage("C0001", call.ts()), posted);
        assertEquals("nginx upstream resets on web-1", call.param("text"));
        assertTrue(call.param("blocks").contains("*web-1*"), call.param("blocks"));
        assertEquals(null, call.param("thread_ts"));
    }

    @Test
    void replies_in_a_thread_and_updates_the_top_level_message() {
        gateway.postMessage("C0001", "1700000000.000001", SlackMessage.plain("progress"));
        gateway.updateMessage("C0001", "1700000000.000001", SlackMessage.plain("resolved"));

        List<ReceivedCall> calls = slack.received();
        assertEquals("1700000000.000001", calls.get(0).param("thread_ts"));
        assertEquals("chat.update", calls.get(1).method());
        assertEquals("1700000000.000001", calls.get(1).param("ts"));
        assertEquals("resolved", calls.get(1).param("text"));
        assertEquals("[]", calls.get(1).param("blocks"), "an update without blocks clears the old ones");
    }

    @Test
    void uploads_a_file_into_a_thread_in_three_steps() {
        gateway.uploadFile("C0001", "1700000000.000001", "proposal.diff", "--- a\n+++ b\n", "the proposed change");

        List<ReceivedCall> calls = slack.received();
        assertEquals(List.of("files.getUploadURLExternal", "upload", "files.completeUploadExternal"),
                calls.stream().map(ReceivedCall::method).toList());
        assertEquals("12", calls.get(0).param("length"));
        assertEquals("--- a\n+++ b\n", calls.get(1).param("body"));
        ReceivedCall complete = calls.get(2);
        assertEquals("C0001", complete.param("channel_id"));
        assertEquals("1700000000.000001", complete.param("thread_ts"));
        assertEquals("the proposed change", complete.param("initial_comment"));
        assertTrue(complete.param("files").contains("proposal.diff"), complete.param("files"));
    }

    @Test
    void answers_through_a_response_url_as_json() {
        gateway.respond(slack.responseUrl("T1/123/abc"), MESSAGE, true);

        String body = slack.received().get(0).param("body");
        assertTrue(body.contains("\"response_type\":\"ephemeral\""), body);
        assertTrue(body.contains("\"blocks\":[{\"type\":\"section\""), body);
    }

    @Test
    void lists_the_members_of_a_user_group() {
        assertEquals(List.of("U0001", "U0002"), gateway.usergroupMembers("S0001"));
        assertEquals("S0001", slack.received().get(0).param("usergroup"));
    }

    @Test
    void a_429_says_to_retry_after_the_time_slack_asked_for() {
        slack.rateLimitNext("chat.postMessage", 1, 7);

        SlackCallException failure = assertThrows(SlackCallException.class,
                () -> gateway.postMessage("C0001", null, MESSAGE));

        assertEquals(Retry.AFTER, failure.retry());
        assertEquals(Duration.ofSeconds(7), failure.retryAfter());
        assertEquals("chat.postMessage", failure.method());
    }

    @Test
    void a_5xx_says_to_retry_with_backoff() {
        slack.failNext("chat.update", 1, 503);

        SlackCallException failure = assertThrows(SlackCallException.class,
                () -> gateway.updateMessage("C0001", "1.2", MESSAGE));

        assertEquals(Retry.BACKOFF, failure.retry());
        assertTrue(failure.error().startsWith("HTTP 503"), failure.error());
    }

    @Test
    void errors_that_retrying_cannot_fix_say_never() {
        slack.answerNotOk("chat.postMessage", "channel_not_found");

        SlackCallException failure = assertThrows(SlackCallException.class,
                () -> gateway.postMessage("C0404", null, MESSAGE));

        assertEquals(Retry.NEVER, failure.retry());
        assertEquals("channel_not_found", failure.error());
    }

    @Test
    void slacks_internal_errors_are_retried() {
        slack.answerNotOk("chat.postMessage", "internal_error");

        assertEquals(Retry.BACKOFF, assertThrows(SlackCallException.class,
                () -> gateway.postMessage("C0001", null, MESSAGE)).retry());
    }

    @Test
    void an_expired_response_url_is_not_retried() {
        slack.failNext("response_url", 1, 404);

        assertEquals(Retry.NEVER, assertThrows(SlackCallException.class,
                () -> gateway.respond(slack.responseUrl("T1/1/x"), MESSAGE, false)).retry());
    }

    @Test
    void an_unreachable_slack_is_a_network_failure_to_retry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SdkSlackGateway unreachable = SdkSlackGateway.connect(
                slack.settings().withBaseUrl("http://127.0.0.1:" + closedPort + "/api"))) {
            SlackCallException failure = assertThrows(SlackCallException.class,
                    () -> unreachable.postMessage("C0001", null, MESSAGE));
            assertEquals(Retry.BACKOFF, failure.retry());
            assertTrue(failure.error().startsWith("network:"), failure.error());
        }
    }
}

package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static medic.outbox.OutboxFixture.expectedTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import medic.slack.SlackMessage;
import medic.slack.api.ReceivedCall;
import org.junit.jupiter.api.Test;
import medic.testing.Await;

class OutboxDeliveryTest extends WithOutboxFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);


    @Test
    void replies_go_to_the_thread_of_the_ts_slack_returned_for_the_post() {
        DurableOutbox outbox = fixture.start(FAST);

        outbox.post("incident-1", "C0001", SlackMessage.plain("incident-1 #0"));
        outbox.reply("incident-1", SlackMessage.plain("incident-1 #1"));

        // The metric follows the commit that marks a call sent.
        Await.until(TIMEOUT, () -> fixture.counter("medic.slack.calls.sent", "chat.postMessage") == 2,
                () -> "post and reply sent, got " + outbox.counts());
        List<ReceivedCall> calls = fixture.delivered("chat.postMessage");
        assertEquals(null, calls.get(0).param("thread_ts"));
        assertEquals(calls.get(0).ts(), calls.get(1).param("thread_ts"));
        assertEquals("C0001", calls.get(1).param("channel"));
        assertEquals(new OutboxCounts(0, 2, 0, 0), outbox.counts());
        assertEquals(2, fixture.counter("medic.slack.calls.sent", "chat.postMessage"));
    }

    @Test
    void keeps_each_threads_order_when_many_threads_enqueue_at_once() throws Exception {
        DurableOutbox outbox = fixture.start(FAST.withSenderThreads(4));
        int threads = 12;
        int callsPerThread = 15;
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String thread = "incident-" + t;
            done.add(callers.submit(() -> {
                outbox.post(thread, "C000" + (thread.hashCode() & 3), SlackMessage.plain(thread + " #0"));
                for (int i = 1; i < callsPerThread; i++) {
                    outbox.reply(thread, SlackMessage.plain(thread + " #" + i));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        callers.shutdown();

        Await.until(TIMEOUT, () -> fixture.delivered("chat.postMessage").size() == threads * callsPerThread,
                () -> threads * callsPerThread + " messages, got " + fixture.delivered("chat.postMessage").size());
        Map<String, List<String>> byThread = fixture.textsByThread();
        for (int t = 0; t < threads; t++) {
            assertEquals(expectedTexts("incident-" + t, callsPerThread), byThread.get("incident-" + t));
        }
        Map<String, String> tsOfPost = fixture.delivered("chat.postMessage").stream()
                .filter(call -> call.param("thread_ts") == null)
                .collect(Collectors.toMap(call -> call.param("text").split(" ")[0], ReceivedCall::ts));
        assertEquals(threads, tsOfPost.size(), "one top-level message per thread");
        fixture.delivered("chat.postMessage").stream().filter(call -> call.param("thread_ts") != null)
                .forEach(reply -> assertEquals(tsOfPost.get(reply.param("text").split(" ")[0]),
                        reply.param("thread_ts"), reply.param("text")));
    }

    @Test
    void waiting_updates_of_a_thread_collapse_into_the_latest() {
        // The post fails once, so the updates queue up behind it while it waits for its retry.
        fixture.slack.failNext("chat.postMessage", 1, 503);
        DurableOutbox outbox = fixture.start(FAST.withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        outbox.post("incident-7", "C0001", SlackMessage.plain("incident-7 firing"));
        for (int i = 1; i <= 5; i++) {
            outbox.update("incident-7", SlackMessage.plain("incident-7 state " + i));
        }

        Await.until(TIMEOUT, () -> outbox.counts().pending() == 0, () -> "the queue drained");
        List<ReceivedCall> updates = fixture.delivered("chat.update");
        assertEquals(1, updates.size(), "one update sent");
        assertEquals("incident-7 state 5", updates.get(0).param("text"));
        assertEquals(fixture.delivered("chat.postMessage").get(0).ts(), updates.get(0).param("ts"));
        assertEquals(new OutboxCounts(0, 2, 4, 0), outbox.counts());
    }

    @Test
    void uploads_a_file_into_the_thread_after_the_post() {
        DurableOutbox outbox = fixture.start(FAST);

        outbox.post("incident-2", "C0002", SlackMessage.plain("incident-2 #0"));
        outbox.upload("incident-2", "proposal.diff", "--- a/nginx.conf\n+++ b/nginx.conf\n", "proposed change");

        Await.until(TIMEOUT, () -> fixture.delivered("files.completeUploadExternal").size() == 1, () -> "upload");
        ReceivedCall complete = fixture.delivered("files.completeUploadExternal").get(0);
        assertEquals("C0002", complete.param("channel_id"));
        assertEquals(fixture.delivered("chat.postMessage").get(0).ts(), complete.param("thread_ts"));
        assertEquals("--- a/nginx.conf\n+++ b/nginx.conf\n", fixture.delivered("upload").get(0).param("body"));
    }

    @Test
    void answers_slash_commands_through_their_response_url_in_order() {
        DurableOutbox outbox = fixture.start(FAST);
        String responseUrl = fixture.slack.responseUrl("T1/42/secret");

        outbox.respond(responseUrl, SlackMessage.plain("working on it"), true);
        outbox.respond(responseUrl, SlackMessage.plain("web-1: 3 findings"), true);

        Await.until(TIMEOUT, () -> fixture.delivered("response_url").size() == 2, () -> "two responses");
        List<ReceivedCall> responses = fixture.delivered("response_url");
        assertTrue(responses.get(0).param("body").contains("working on it"));
        assertTrue(responses.get(1).param("body").contains("web-1: 3 findings"));
    }

    @Test
    void refuses_a_blank_thread_key() {
        DurableOutbox outbox = fixture.start(FAST);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> outbox.reply(" ", SlackMessage.plain("x"))).getMessage().contains("threadKey"));
    }
}

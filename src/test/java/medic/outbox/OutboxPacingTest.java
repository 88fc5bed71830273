package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import medic.slack.SlackMessage;
import medic.slack.api.ReceivedCall;
import org.junit.jupiter.api.Test;
import medic.testing.Await;

class OutboxPacingTest extends WithOutboxFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);


    @Test
    void sends_at_most_one_call_per_second_to_a_channel_the_first_at_once_and_other_channels_meanwhile() {
        DurableOutbox outbox = fixture.start(FAST.withChannelInterval(Duration.ofSeconds(1)));

        long enqueued = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            outbox.post("busy-" + i, "C0BUSY", SlackMessage.plain("busy-" + i + " #0"));
        }
        outbox.post("quiet-0", "C0QUIET", SlackMessage.plain("quiet-0 #0"));

        Await.until(TIMEOUT, () -> outbox.counts().sent() == 5, () -> "five posts, got " + outbox.counts());
        List<ReceivedCall> busy = fixture.delivered("chat.postMessage").stream()
                .filter(call -> call.param("channel").equals("C0BUSY")).toList();
        ReceivedCall quiet = fixture.delivered("chat.postMessage").stream()
                .filter(call -> call.param("channel").equals("C0QUIET")).findFirst().orElseThrow();
        assertEquals(4, busy.size());
        long firstMillis = (busy.get(0).nanos() - enqueued) / 1_000_000;
        assertTrue(firstMillis < 1000, "the idle channel's first call waited " + firstMillis + " ms");
        for (int i = 1; i < busy.size(); i++) {
            long gap = (busy.get(i).nanos() - busy.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gap >= 1000, "calls " + (i - 1) + " and " + i + " to one channel " + gap
                    + " ms apart");
        }
        assertTrue(quiet.nanos() < busy.get(1).nanos(), "the other channel did not wait for the busy one");
    }

    @Test
    void a_rate_limited_channel_is_held_for_the_whole_retry_after() {
        fixture.slack.rateLimitNext("chat.postMessage", 1, 2);
        DurableOutbox outbox = fixture.start(FAST);

        outbox.post("first", "C0001", SlackMessage.plain("first #0"));
        // Calls already on their way when the 429 arrives cannot be held; wait until the worker has read it.
        Await.until(TIMEOUT, () -> fixture.counter("medic.slack.calls.retried", "chat.postMessage") == 1,
                () -> "the first post rate-limited");
        outbox.post("second", "C0001", SlackMessage.plain("second #0"));

        Await.until(TIMEOUT, () -> outbox.counts().sent() == 2, () -> "both sent, got " + outbox.counts());
        List<ReceivedCall> calls = fixture.slack.received();
        long held = (calls.get(1).nanos() - calls.get(0).nanos()) / 1_000_000;
        assertTrue(held >= 2000, "the next call to the rate-limited channel came " + held + " ms later");
    }
}

package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static medic.outbox.OutboxFixture.expectedTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import medic.slack.SlackMessage;
import medic.slack.api.ReceivedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import medic.testing.Await;

class OutboxRetryTest extends WithOutboxFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(CallHandler.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void open() {
        log.start();
        handlerLog.addAppender(log);
    }

    @AfterEach
    void close() {
        handlerLog.detachAppender(log);
    }

    @Test
    void waits_as_long_as_slacks_retry_after_says_and_does_not_count_it_as_an_attempt() {
        fixture.slack.rateLimitNext("chat.postMessage", 1, 1);
        // One attempt only: a 429 that counted would dead-letter the call.
        DurableOutbox outbox = fixture.start(FAST.withMaxAttempts(1));

        outbox.post("incident-4", "C0001", SlackMessage.plain("incident-4 #0"));

        Await.until(TIMEOUT, () -> fixture.counter("medic.slack.calls.sent", "chat.postMessage") == 1,
                () -> "sent after the 429, got " + outbox.counts());
        List<ReceivedCall> calls = fixture.slack.received(call -> call.method().equals("chat.postMessage"));
        assertEquals(List.of(429, 200), calls.stream().map(ReceivedCall::status).toList());
        long gapMillis = (calls.get(1).nanos() - calls.get(0).nanos()) / 1_000_000;
        assertTrue(gapMillis >= 1000, "retried " + gapMillis + " ms after a Retry-After of 1 s");
        // The worker wakes for the retry itself (no sweep runs here); the slack is scheduling on a busy machine.
        assertTrue(gapMillis < 2500, "retried only " + gapMillis + " ms after a Retry-After of 1 s");
        assertEquals(1, fixture.counter("medic.slack.calls.retried", "chat.postMessage"));
    }

    @Test
    void loses_and_reorders_nothing_through_a_5xx_storm() {
        fixture.slack.failAlways("chat.postMessage", 503);
        DurableOutbox outbox = fixture.start(FAST);
        int threads = 4;
        int callsPerThread = 8;
        for (int i = 0; i < callsPerThread; i++) {
            for (int t = 0; t < threads; t++) {
                String thread = "incident-" + t;
                SlackMessage message = SlackMessage.plain(thread + " #" + i);
                if (i == 0) {
                    outbox.post(thread, "C000" + (t % 2), message);
                } else {
                    outbox.reply(thread, message);
                }
            }
        }
        Await.until(TIMEOUT, () -> fixture.slack.received(call -> call.status() == 503).size() >= 20,
                () -> "20 calls answered 503");

        fixture.slack.heal();

        Await.until(TIMEOUT, () -> outbox.counts().sent() == threads * callsPerThread,
                () -> "every call sent after the storm, got " + outbox.counts());
        Map<String, List<String>> byThread = fixture.textsByThread();
        for (int t = 0; t < threads; t++) {
            assertEquals(expectedTexts("incident-" + t, callsPerThread), byThread.get("incident-" + t));
        }
        assertEquals(new OutboxCounts(0, threads * callsPerThread, 0, 0), outbox.counts());
    }

    @Test
    void dead_letters_after_the_last_attempt_with_one_warning_and_a_metric() {
        fixture.slack.failAlways("chat.postMessage", 500);
        DurableOutbox outbox = fixture.start(FAST.withMaxAttempts(3));

        outbox.post("incident-9", "C0001", SlackMessage.plain("incident-9 #0"));
        outbox.reply("incident-9", SlackMessage.plain("incident-9 #1"));

        Await.until(TIMEOUT, () -> outbox.counts().dead() == 2 && !log.list.isEmpty(),
                () -> "post and reply dead and logged, got " + outbox.counts());
        assertEquals(3, fixture.slack.received(call -> call.method().equals("chat.postMessage")).size(),
                "three attempts, and the reply never sent without its post");
        List<ILoggingEvent> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        String line = warnings.get(0).getFormattedMessage();
        for (String part : List.of("incident-9", "chat.postMessage", "after 3 attempt(s)", "HTTP 500",
                "1 waiting call(s)")) {
            assertTrue(line.contains(part), "\"" + part + "\" in: " + line);
        }
        assertEquals(2, fixture.counter("medic.slack.calls.dead_lettered", "chat.postMessage"));
        assertEquals(2, fixture.counter("medic.slack.calls.retried", "chat.postMessage"));
    }

    @Test
    void dead_letters_at_once_what_retrying_cannot_fix_and_the_thread_goes_on() {
        fixture.slack.answerNotOk("chat.update", "invalid_blocks");
        DurableOutbox outbox = fixture.start(FAST);

        outbox.post("incident-5", "C0001", SlackMessage.plain("incident-5 #0"));
        outbox.update("incident-5", SlackMessage.plain("incident-5 broken"));
        outbox.reply("incident-5", SlackMessage.plain("incident-5 #1"));

        Await.until(TIMEOUT, () -> outbox.counts().pending() == 0 && !log.list.isEmpty(),
                () -> "the queue drained, got " + outbox.counts());
        assertEquals(1, fixture.slack.received(call -> call.method().equals("chat.update")).size(), "not retried");
        assertEquals(new OutboxCounts(0, 2, 0, 1), outbox.counts());
        assertEquals(expectedTexts("incident-5", 2), fixture.textsByThread().get("incident-5"));
        assertTrue(log.list.get(0).getFormattedMessage().contains("invalid_blocks"));
    }

    @Test
    void a_post_to_a_channel_that_does_not_exist_takes_its_thread_with_it() {
        fixture.slack.answerNotOk("chat.postMessage", "channel_not_found");
        DurableOutbox outbox = fixture.start(FAST);

        outbox.post("incident-6", "C0404", SlackMessage.plain("incident-6 #0"));
        outbox.reply("incident-6", SlackMessage.plain("incident-6 #1"));
        outbox.upload("incident-6", "proposal.diff", "+x\n", null);

        Await.until(TIMEOUT, () -> outbox.counts().dead() == 3, () -> "all three dead, got " + outbox.counts());
        assertEquals(1, fixture.slack.received().size(), "one call made, none retried");
    }
}

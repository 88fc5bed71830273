package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static medic.outbox.OutboxFixture.expectedTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import medic.slack.SlackMessage;
import medic.store.Database;
import org.junit.jupiter.api.Test;
import medic.testing.Await;

class OutboxRestartTest extends WithOutboxFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);


    @Test
    void a_new_outbox_on_the_same_database_sends_what_a_closed_one_left_once_and_in_order() {
        // Paced to one channel, the first outbox gets through only a few calls before it closes.
        OutboxSettings paced = FAST.withChannelInterval(Duration.ofMillis(100));
        Database first = fixture.openDatabase();
        DurableOutbox before = DurableOutbox.start(first, fixture.gateway, paced, fixture.registry);
        int threads = 3;
        int callsPerThread = 10;
        for (int i = 0; i < callsPerThread; i++) {
            for (int t = 0; t < threads; t++) {
                String thread = "incident-" + t;
                if (i == 0) {
                    before.post(thread, "C0001", SlackMessage.plain(thread + " #0"));
                } else {
                    before.reply(thread, SlackMessage.plain(thread + " #" + i));
                }
            }
        }
        Await.until(TIMEOUT, () -> fixture.delivered("chat.postMessage").size() >= 3, () -> "a few calls sent");
        before.close();
        first.close();
        int sentBefore = fixture.delivered("chat.postMessage").size();
        assertTrue(sentBefore < threads * callsPerThread, "the restart had nothing left to send");

        DurableOutbox after = fixture.start(paced);

        Await.until(TIMEOUT, () -> after.counts().sent() == threads * callsPerThread,
                () -> "everything sent after the restart, got " + after.counts());
        Map<String, List<String>> byThread = fixture.textsByThread();
        for (int t = 0; t < threads; t++) {
            assertEquals(expectedTexts("incident-" + t, callsPerThread), byThread.get("incident-" + t));
        }
    }

    @Test
    void a_call_claimed_by_a_worker_that_died_is_sent_once_its_lease_expires() {
        Database database = fixture.openDatabase();
        OutboxJdbc jdbc = new OutboxJdbc(database);
        new CallQueue(jdbc, Clock.systemUTC()).enqueue("incident-3", CallKind.POST, "C0001",
                Payloads.of(SlackMessage.plain("incident-3 #0")));
        // A worker claims the call with a 1.5 s lease and dies without sending it.
        Instant claimedAt = Instant.now();
        List<OutboxCall> claimed = new CallLeases(jdbc, Duration.ofMillis(1500), Duration.ZERO)
                .claimDue(1, claimedAt, () -> "dead-worker-1");
        assertEquals(1, claimed.size());

        DurableOutbox survivor = fixture.start(FAST);

        Await.until(TIMEOUT, () -> survivor.counts().sent() == 1, () -> "sent by the survivor");
        assertEquals(1, fixture.delivered("chat.postMessage").size());
        assertTrue(Instant.now().isAfter(claimedAt.plusMillis(1500)), "sent before the lease ran out");
    }

    @Test
    void the_sweep_sends_due_calls_in_the_callers_thread() {
        Database database = fixture.openDatabase();
        OutboxJdbc jdbc = new OutboxJdbc(database);
        new CallQueue(jdbc, Clock.systemUTC()).enqueue("incident-8", CallKind.POST, "C0001",
                Payloads.of(SlackMessage.plain("incident-8 #0")));
        DurableOutbox outbox = fixture.start(FAST);
        outbox.close();
        new CallQueue(jdbc, Clock.systemUTC()).enqueue("incident-8", CallKind.REPLY, null,
                Payloads.of(SlackMessage.plain("incident-8 #1")));

        // The worker is closed: only the sweep (the scheduler's job) can send now.
        Await.until(TIMEOUT, () -> {
            outbox.sweep();
            return outbox.counts().sent() == 2;
        }, () -> "both sent by sweeps");
        assertEquals(expectedTexts("incident-8", 2), fixture.textsByThread().get("incident-8"));
    }
}

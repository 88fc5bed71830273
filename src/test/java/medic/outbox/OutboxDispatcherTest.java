package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import medic.slack.SlackMessage;
import medic.slack.api.ReceivedCall;
import medic.store.Jdbc;
import medic.testing.Await;
import org.junit.jupiter.api.Test;

/** How the dispatcher finds due calls during a storm: only when one can be due, and each paced on its channel. */
class OutboxDispatcherTest extends WithOutboxFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void does_not_look_for_due_calls_while_the_channels_next_slot_is_ahead() {
        // Neither the channel's slot nor the idle poll comes during the test: only wakes could make it look.
        DurableOutbox outbox = fixture.start(FAST.withChannelInterval(Duration.ofMinutes(5))
                .withIdlePoll(Duration.ofMinutes(5)));
        outbox.post("incident-0", "C0BUSY", SlackMessage.plain("incident-0 #0"));
        Await.until(TIMEOUT, () -> outbox.counts().sent() == 1 && outbox.slotAhead("C0BUSY").isPresent(),
                () -> "the first post sent and its channel's next slot read, got " + outbox.counts());
        long before = outbox.dueQueries();

        for (int i = 1; i <= 30; i++) {
            outbox.post("incident-" + i, "C0BUSY", SlackMessage.plain("incident-" + i + " #0"));
        }

        long looked = outbox.dueQueries() - before;
        // At most once: the wake the first post's end gave may still be on its way.
        assertTrue(looked <= 1, "looked for due calls " + looked + " times for 30 calls that could not be due");
        assertEquals(30, outbox.counts().pending());

        outbox.post("quiet-0", "C0QUIET", SlackMessage.plain("quiet-0 #0"));
        Await.until(TIMEOUT, () -> outbox.counts().sent() == 2, () -> "the idle channel's post sent at once, got "
                + outbox.counts());
    }

    @Test
    void a_reply_queued_before_its_threads_post_goes_after_it_paced_on_the_posts_channel() {
        DurableOutbox outbox = fixture.start(FAST.withChannelInterval(Duration.ofMillis(700)));

        outbox.reply("incident-1", SlackMessage.plain("incident-1 #1"));
        outbox.post("incident-1", "C0001", SlackMessage.plain("incident-1 #0"));
        outbox.post("incident-2", "C0001", SlackMessage.plain("incident-2 #0"));

        Await.until(TIMEOUT, () -> outbox.counts().sent() == 3, () -> "three calls sent, got " + outbox.counts());
        assertEquals(List.of("incident-1 #0", "incident-1 #1"), fixture.textsByThread().get("incident-1"));
        List<ReceivedCall> calls = fixture.delivered("chat.postMessage");
        for (int i = 1; i < calls.size(); i++) {
            long gap = (calls.get(i).nanos() - calls.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gap >= 700, "calls " + (i - 1) + " and " + i + " to C0001 came " + gap + " ms apart");
        }
    }

    @Test
    void a_call_queued_without_a_channel_as_its_post_was_recorded_takes_the_channel_when_claimed() {
        OutboxJdbc jdbc = new OutboxJdbc(fixture.openDatabase());
        CallQueue queue = new CallQueue(jdbc, Clock.systemUTC());
        // The reply read no channel, then the post's record committed without seeing the reply to fill it in.
        queue.enqueue("incident-1", CallKind.REPLY, null, Payloads.of(SlackMessage.plain("incident-1 #1")));
        jdbc.inTransaction("record the post of incident-1", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO slack_conversations"
                    + " (thread_key, channel, ts, created_at) VALUES ('incident-1', 'C0001', '1.0001', ?)")) {
                Jdbc.setInstant(insert, 1, Instant.now());
                return insert.executeUpdate();
            }
        });
        queue.enqueue("incident-2", CallKind.POST, "C0001", Payloads.of(SlackMessage.plain("incident-2 #0")));
        CallLeases leases = new CallLeases(jdbc, Duration.ofMinutes(1), Duration.ofMillis(1));
        Instant now = Instant.now();

        List<OutboxCall> first = leases.claimDue(4, now, () -> "worker-1");
        List<OutboxCall> meanwhile = leases.claimDue(4, now.plusMillis(50), () -> "worker-2");

        assertEquals(1, first.size(), "one call to C0001 at a time: " + first);
        assertEquals("incident-1", first.get(0).threadKey());
        assertEquals("C0001", first.get(0).channel());
        assertEquals("C0001", storedChannel(jdbc, first.get(0).id()));
        assertEquals(List.of(), meanwhile, "incident-2's post went while the reply to C0001 was on its way");
    }

    private static String storedChannel(OutboxJdbc jdbc, long id) {
        return jdbc.inTransaction("read a call's channel", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT channel FROM outbox_calls WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }
}

package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import medic.outbox.DurableOutbox;
import medic.outbox.OutboxCounts;
import medic.outbox.OutboxSettings;
import medic.slack.SlackMessage;
import medic.slack.api.PostedMessage;
import medic.slack.api.SlackCallException;
import medic.slack.api.SlackGateway;
import medic.store.Database;
import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' outboxes on one PostgreSQL. The incident flow decides who posts a thread with a compare-and-set, then
 * queues the post; in between, another replica that sees the thread marked posted may queue an update of it first.
 * The post must still go out, first, and the update after it.
 */
@RequiresPostgres
class ThreadPostFirstTest {
    private static final OutboxSettings FAST = OutboxSettings.DEFAULTS.withChannelInterval(Duration.ZERO)
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(50)).withMaxAttempts(3);

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private PostgresDatabase testDatabase;
    private Database first;
    private Database second;

    @BeforeEach
    void open() {
        testDatabase = PostgresDatabase.freshSchema();
        first = Database.open(testDatabase.settings());
        second = Database.open(testDatabase.settings());
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
        testDatabase.close();
    }

    @Test
    void an_update_queued_before_its_threads_post_waits_for_the_post_instead_of_failing() throws Exception {
        try (DurableOutbox updating = DurableOutbox.start(second, new RecordingSlack(), FAST, new SimpleMeterRegistry());
             DurableOutbox posting = DurableOutbox.start(first, new RecordingSlack(), FAST, new SimpleMeterRegistry())) {
            updating.update("incident-7", SlackMessage.plain("incident 7: applying"));
            posting.post("incident-7", "C0123ABCD", SlackMessage.plain("incident 7: diagnosed"));
            posting.reply("incident-7", SlackMessage.plain("incident 7: steps"));

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (posting.counts().pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            OutboxCounts counts = posting.counts();
            assertEquals(0, counts.dead(), "nothing dead-lettered: " + counts + " sent " + sent);
            assertEquals(List.of("post incident 7: diagnosed", "update 1.000001 incident 7: applying",
                    "reply 1.000001 incident 7: steps"), sent);
        }
    }

    /** Slack as a list of what arrived; every post gets ts 1.000001. */
    private final class RecordingSlack implements SlackGateway {
        @Override
        public PostedMessage postMessage(String channel, String threadTs, SlackMessage message) {
            sent.add(threadTs == null ? "post " + message.text() : "reply " + threadTs + " " + message.text());
            return new PostedMessage(channel, "1.000001");
        }

        @Override
        public void updateMessage(String channel, String ts, SlackMessage message) {
            sent.add("update " + ts + " " + message.text());
        }

        @Override
        public void uploadFile(String channel, String threadTs, String filename, String content, String comment) {
            sent.add("upload " + threadTs + " " + filename);
        }

        @Override
        public void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
            sent.add("respond " + message.text());
        }

        @Override
        public List<String> usergroupMembers(String usergroupId) {
            throw new SlackCallException("usergroups.users.list", "not in this test", SlackCallException.Retry.NEVER,
                    null, null);
        }
    }
}

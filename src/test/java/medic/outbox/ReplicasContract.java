package medic.outbox;

import static medic.outbox.OutboxFixture.FAST;
import static medic.outbox.OutboxFixture.expectedTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import medic.slack.SlackMessage;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import medic.testing.Await;

/** Two outboxes on one database, as two replicas: each call sent once, each thread in order, per vendor. */
abstract class ReplicasContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private OutboxFixture fixture;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void open() {
        fixture = new OutboxFixture(newTestDatabase());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void two_workers_on_one_database_send_each_call_once_and_each_thread_in_order() throws Exception {
        List<DurableOutbox> replicas = List.of(fixture.start(FAST), fixture.start(FAST));
        int threads = 10;
        int callsPerThread = 12;
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String thread = "incident-" + t;
            done.add(callers.submit(() -> {
                // Each call goes in through either replica, as webhooks and clicks land on any of them.
                for (int i = 0; i < callsPerThread; i++) {
                    DurableOutbox replica = replicas.get((i + thread.length()) % 2);
                    SlackMessage message = SlackMessage.plain(thread + " #" + i);
                    if (i == 0) {
                        replica.post(thread, "C000" + (thread.hashCode() & 3), message);
                    } else {
                        replica.reply(thread, message);
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        callers.shutdown();

        Await.until(TIMEOUT, () -> replicas.get(0).counts().sent() == threads * callsPerThread,
                () -> "every call sent, got " + replicas.get(0).counts());
        Map<String, List<String>> byThread = fixture.textsByThread();
        for (int t = 0; t < threads; t++) {
            assertEquals(expectedTexts("incident-" + t, callsPerThread), byThread.get("incident-" + t));
        }
        assertEquals(threads * callsPerThread, fixture.delivered("chat.postMessage").size(), "no duplicates");
    }

    @Test
    void two_workers_keep_one_channels_pace_between_them() {
        OutboxSettings paced = FAST.withChannelInterval(Duration.ofMillis(300));
        List<DurableOutbox> replicas = List.of(fixture.start(paced), fixture.start(paced));
        for (int t = 0; t < 6; t++) {
            replicas.get(t % 2).post("incident-" + t, "C0001", SlackMessage.plain("incident-" + t + " #0"));
        }

        Await.until(TIMEOUT, () -> replicas.get(0).counts().sent() == 6, () -> "six posts");
        var calls = fixture.delivered("chat.postMessage");
        for (int i = 1; i < calls.size(); i++) {
            long gap = (calls.get(i).nanos() - calls.get(i - 1).nanos()) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(gap >= 300, "posts " + (i - 1) + " and " + i + " came "
                    + gap + " ms apart");
        }
    }
}

package medic.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import medic.slack.api.ReceivedCall;
import medic.slack.api.SdkSlackGateway;
import medic.slack.api.SlackWebApiStub;
import medic.store.Database;
import medic.testing.TestDatabase;

/**
 * A test database, the WireMock Slack stand-in and the outboxes a test starts on them (several for replicas or
 * restarts). Message texts name their thread, {@code "incident-3 #7"}, so deliveries can be grouped back.
 */
final class OutboxFixture implements AutoCloseable {

    /** Fast enough for tests: no pacing, short backoff, many attempts. */
    static final OutboxSettings FAST = OutboxSettings.DEFAULTS.withChannelInterval(Duration.ZERO)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)).withMaxAttempts(100);

    final TestDatabase testDatabase;
    final SlackWebApiStub slack = SlackWebApiStub.start();
    final SdkSlackGateway gateway = SdkSlackGateway.connect(slack.settings());
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> opened = new ArrayList<>();

    OutboxFixture(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    Database openDatabase() {
        Database database = Database.open(testDatabase.settings());
        opened.add(database);
        return database;
    }

    /** An outbox on its own database pool, as a replica or a restarted process would have. */
    DurableOutbox start(OutboxSettings settings) {
        DurableOutbox outbox = DurableOutbox.start(openDatabase(), gateway, settings, registry);
        opened.add(outbox);
        return outbox;
    }

    /** Calls Slack answered with success. */
    List<ReceivedCall> delivered(String method) {
        return slack.received(call -> call.ok() && call.method().equals(method));
    }

    /** Texts of the successful posts and replies, grouped by the thread their text names, in arrival order. */
    Map<String, List<String>> textsByThread() {
        Map<String, List<String>> byThread = new LinkedHashMap<>();
        for (ReceivedCall call : delivered("chat.postMessage")) {
            String text = call.param("text");
            byThread.computeIfAbsent(text.substring(0, text.indexOf(' ')), key -> new ArrayList<>()).add(text);
        }
        return byThread;
    }

    static List<String> expectedTexts(String thread, int calls) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            texts.add(thread + " #" + i);
        }
        return texts;
    }

    double counter(String name, String method) {
        var counter = registry.find(name).tag("method", method).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Closes outboxes and pools newest first, then the stand-in and the database. */
    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        gateway.close();
        slack.close();
        testDatabase.close();
    }
}

package medic.slack.action;

import com.slack.api.bolt.App;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import medic.server.HttpSettings;
import medic.server.MedicServer;
import medic.server.Route;
import medic.slack.access.RefusalLog;
import medic.slack.bolt.FakeSlackApi;
import medic.slack.bolt.SlackApps;
import medic.slack.bolt.SlackEventsHandler;
import medic.slack.claim.JdbcRequestClaims;
import medic.slack.command.InteractionSettings;
import medic.slack.command.MedicOperations;
import medic.slack.command.TestPolicy;
import medic.slack.message.MessageTemplates;
import medic.outbox.Outbox;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * One medic replica's Slack side as {@code medic serve} wires it: its own database pool and request claims, the slash
 * command and the buttons on a Bolt app built by {@link SlackApps}, behind POST /slack/events on its own port.
 */
final class SlackReplica implements AutoCloseable {
    private final Database database;
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    private final App app;
    private final MedicServer server;

    SlackReplica(String name, DatabaseSettings settings, FakeSlackApi slack, MedicOperations operations,
                 Outbox outbox) {
        database = Database.open(settings);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JdbcRequestClaims claims = new JdbcRequestClaims(database, Duration.ofMinutes(30), Clock.systemUTC(), name);
        app = SlackApps.build(slack.httpSettings(), registry, SlackInteractions.features(InteractionSettings.DEFAULTS,
                TestPolicy.policy(), Set.of("web-1"), SlackApps.client(slack.httpSettings(), registry)
                        .methods(FakeSlackApi.BOT_TOKEN), operations, MessageTemplates.defaults(), outbox, work,
                RefusalLog.logging(), claims, Clock.systemUTC()));
        server = MedicServer.start(HttpSettings.loopback(), registry, Map.of(),
                List.of(Route.post(SlackEventsHandler.PATH, new SlackEventsHandler(app))));
    }

    int port() {
        return server.port();
    }

    /** Lets the work already handed to the workers finish, so a test can count what was done. */
    void finishWork() throws InterruptedException {
        work.shutdown();
        if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the replica's Slack work did not finish within 10 s");
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        app.stop();
        work.shutdownNow();
        database.close();
    }
}

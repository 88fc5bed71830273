package medic.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import medic.outbox.Outbox;
import medic.server.Route;
import medic.slack.access.AccessPolicy;
import medic.slack.access.Permissions;
import medic.slack.access.RefusalLog;
import medic.slack.command.Background;
import medic.slack.command.BlockReplies;
import medic.slack.command.MedicOperations;
import medic.slack.command.Replies;
import medic.slack.message.MessageTemplates;

/**
 * The local console as {@code medic serve} wires it: its routes, answering clicks with the same permissions,
 * operations and replies as Slack, on a small bounded pool of its own. Close it to stop that pool.
 */
public final class Console implements AutoCloseable {
    private static final Duration SNOOZE = Duration.ofHours(1);
    private static final int WORKERS = 2;
    private static final int QUEUE = 20;

    private final ExecutorService work;
    private final List<Route> routes;

    public Console(ConsoleSettings settings, ConsoleSlack slack, AccessPolicy policy, MedicOperations operations,
                   Outbox outbox, RefusalLog refusals) {
        this.work = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "medic-console-work");
                    thread.setDaemon(true);
                    return thread;
                });
        // Group membership needs Slack; console users are granted by ID (a group grant denies, naming the reason).
        Permissions permissions = new Permissions(policy, slack::groupMembers);
        Replies replies = new BlockReplies(MessageTemplates.defaults(), "/medic");
        ConsoleClicks clicks = new ConsoleClicks(settings, permissions, operations,
                new Background(work, outbox, replies, refusals), replies, SNOOZE);
        this.routes = ConsoleRoutes.routes(settings, slack, clicks);
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        work.shutdown();
    }
}

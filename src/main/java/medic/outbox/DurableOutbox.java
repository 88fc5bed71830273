package medic.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import medic.schedule.Task;
import medic.slack.SlackMessage;
import medic.slack.api.SlackGateway;
import medic.store.Database;
import medic.store.Jdbc;

/**
 * The {@link Outbox} on medic's database. Each call is a row, committed before anything is sent; a worker then
 * claims it with a lease and sends it. Rows of one thread key go out in order; threads proceed independently; each
 * channel gets at most one call per {@code channelInterval}, and an idle channel's first call goes out at once.
 *
 * <p>Delivery is at least once: a worker that dies after Slack accepted a call but before recording it (a window of
 * one database commit) leaves the lease to expire, and the call is sent again. Workers sharing the database (threads,
 * replicas) never send one row at the same time, and never reorder a thread.
 */
public final class DurableOutbox implements Outbox, AutoCloseable {

    /** The name under which to register {@link #sweepTask()} with the scheduler. */
    public static final String SWEEP_TASK = "slack-outbox-sweep";
    /** How often to run the sweep: it covers restarts, crashed workers and calls other replicas queued. */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(2);

    private static final int MAX_THREAD_KEY = 200;
    private static final int MAX_CHANNEL = 100;

    private final CallQueue queue;
    private final CallOutcomes outcomes;
    private final CallCounts counts;
    private final OutboxWorker worker;
    private final CallLeases leases;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String owner;

    private DurableOutbox(Database database, SlackGateway gateway, OutboxSettings settings, MeterRegistry registry,
            Clock clock, RandomGenerator random) {
        OutboxJdbc jdbc = new OutboxJdbc(database);
        this.settings = settings;
        this.clock = clock;
        this.owner = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        this.queue = new CallQueue(jdbc, clock);
        this.outcomes = new CallOutcomes(jdbc, settings.channelInterval());
        this.counts = new CallCounts(jdbc);
        this.leases = new CallLeases(jdbc, settings.lease(), settings.channelInterval());
        OutboxMetrics metrics = new OutboxMetrics(registry, counts::pendingByKind);
        CallHandler handler = new CallHandler(new CallSender(gateway, new Conversations(jdbc)), outcomes,
                new Backoff(settings.backoffBase(), settings.backoffCap(), random), metrics, clock,
                settings.maxAttempts());
        this.worker = new OutboxWorker(leases, handler, clock, settings, owner);
    }

    /** Starts the worker: calls left by a previous run (or queued by other replicas) are sent from now on. */
    public static DurableOutbox start(Database database, SlackGateway gateway, OutboxSettings settings,
            MeterRegistry registry) {
        return start(database, gateway, settings, registry, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    static DurableOutbox start(Database database, SlackGateway gateway, OutboxSettings settings,
            MeterRegistry registry, Clock clock, RandomGenerator random) {
        DurableOutbox outbox = new DurableOutbox(database, gateway, settings, registry, clock, random);
        outbox.worker.start();
        return outbox;
    }

    @Override
    public void post(String threadKey, String channel, SlackMessage message) {
        requireText("channel", channel, MAX_CHANNEL);
        enqueue(threadKey, CallKind.POST, channel, Payloads.of(message));
    }

    /**
     * Posts the top-level message of a new conversation, and a file into its thread when given, only if
     * {@code claim} returns true, run first in the same database transaction: the caller's claim (e.g. "this incident's
     * thread is now posted") and the calls commit together or not at all, so no crash can leave one without the other.
     *
     * @return whether the claim held and the calls were queued
     */
    public boolean postIf(Jdbc.Work<Boolean> claim, String threadKey, String channel, SlackMessage message,
            Optional<ThreadFile> file) {
        requireText("threadKey", threadKey, MAX_THREAD_KEY);
        requireText("channel", channel, MAX_CHANNEL);
        List<CallQueue.Call> calls = new ArrayList<>();
        calls.add(new CallQueue.Call(threadKey, CallKind.POST, channel, Payloads.of(message)));
        file.ifPresent(upload -> {
            requireText("filename", upload.filename(), 255);
            calls.add(new CallQueue.Call(threadKey, CallKind.UPLOAD, channel, Payloads.write(
                    new Payloads.Upload(upload.filename(), upload.content(), upload.comment()))));
        });
        boolean queued = queue.enqueueIf(claim, "post the top message of thread " + threadKey, calls);
        if (queued) {
            worker.wake(channel);
        }
        return queued;
    }

    @Override
    public void reply(String threadKey, SlackMessage message) {
        enqueue(threadKey, CallKind.REPLY, null, Payloads.of(message));
    }

    @Override
    public void update(String threadKey, SlackMessage message) {
        enqueue(threadKey, CallKind.UPDATE, null, Payloads.of(message));
    }

    @Override
    public void upload(String threadKey, String filename, String content, String comment) {
        requireText("filename", filename, 255);
        Objects.requireNonNull(content, "content");
        enqueue(threadKey, CallKind.UPLOAD, null, Payloads.write(new Payloads.Upload(filename, content, comment)));
    }

    /** Calls to one response_url form a thread of their own, so they keep their order too. */
    @Override
    public void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        requireText("responseUrl", responseUrl, 2000);
        enqueue("response-url-" + sha256(responseUrl).substring(0, 32), CallKind.RESPOND, null, Payloads.write(
                new Payloads.Respond(responseUrl, message.text(), message.blocksJson(), ephemeral)));
    }

    @Override
    public boolean waiting(String threadKey) {
        return counts.waiting(threadKey);
    }

    /**
     * Sends the due calls in the calling thread (bounded by the sweep interval), then purges sent calls past their
     * retention. Registered with the scheduler as {@link #SWEEP_TASK}, it covers a worker that stopped and calls
     * other replicas queued; running it twice at once is safe.
     */
    public Task sweepTask() {
        return run -> sweep();
    }

    /** One sweep; returns the calls it handled. */
    public int sweep() {
        int handled = worker.drainDue(SWEEP_INTERVAL);
        outcomes.purgeFinished(clock.instant().minus(settings.retention()));
        worker.wake();
        return handled;
    }

    /** How many calls are waiting, sent, superseded and dead, across every worker on this database. */
    public OutboxCounts counts() {
        return counts.byStatus();
    }

    /** How many times this outbox looked for due calls; for tests of the dispatcher's sleep. */
    long dueQueries() {
        return leases.dueQueries();
    }

    /** The next slot of {@code channel} the dispatcher knows of, if it is still ahead; for tests. */
    Optional<Instant> slotAhead(String channel) {
        return worker.slotAhead(channel);
    }

    /** Stops the worker after the calls being sent finish; the calls still queued wait in the database. */
    @Override
    public void close() {
        worker.close();
        outcomes.releaseLeases(owner + "-");
    }

    private void enqueue(String threadKey, CallKind kind, String channel, String payload) {
        requireText("threadKey", threadKey, MAX_THREAD_KEY);
        worker.wake(queue.enqueue(threadKey, kind, channel, payload));
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("outbox " + name + " must be 1 to " + maxLength + " characters, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

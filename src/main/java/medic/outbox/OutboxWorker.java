package medic.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process sender: one dispatcher thread claims due calls as soon as it is woken (by an enqueue or a finished
 * send) or a retry, lease or channel slot comes due, and hands them to a few sender threads. It also wakes every
 * {@code idlePoll} for calls other replicas queued. A call queued for a channel whose next slot is still ahead does not
 * wake it: in a storm hundreds of calls wait for one channel's pace, and looking for due calls on each enqueue cost more
 * than anything else in the outbox while none could go before the slot the dispatcher already sleeps until.
 */
final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final CallLeases leases;
    private final CallHandler handler;
    private final Clock clock;
    private final OutboxSettings settings;
    private final String owner;
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders;
    private final Thread dispatcher;
    private volatile boolean running = true;
    /** Each channel's next slot as last read; a slot only moves later, so this is a safe lower bound. */
    private volatile Map<String, Instant> slotsAhead = Map.of();

    OutboxWorker(CallLeases leases, CallHandler handler, Clock clock, OutboxSettings settings, String owner) {
        this.leases = leases;
        this.handler = handler;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.senderThreads(), task -> {
            Thread thread = new Thread(task, "outbox-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher = new Thread(this::dispatch, "outbox-dispatcher");
        this.dispatcher.setDaemon(true);
    }

    void start() {
        dispatcher.start();
    }

    /** A call to {@code channel} (null: not known yet) was queued: looks for due calls now unless none can be due. */
    void wake(String channel) {
        if (channel != null && slotAhead(channel).isPresent()) {
            return;
        }
        wake();
    }

    /** The next slot of {@code channel} if it is still ahead, as the dispatcher last read it. */
    Optional<Instant> slotAhead(String channel) {
        Instant slot = slotsAhead.get(channel);
        return slot != null && slot.isAfter(clock.instant()) ? Optional.of(slot) : Optional.empty();
    }

    /** Looks for due calls now. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** A new lease token; the owner prefix lets {@link CallOutcomes#releaseLeases} find this worker's leases. */
    String nextToken() {
        return owner + "-" + claims.incrementAndGet();
    }

    /** Claims and sends due calls in the calling thread until none is due or {@code budget} is spent. */
    int drainDue(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int handled = 0;
        while (System.nanoTime() < deadline) {
            List<OutboxCall> claimed = leases.claimDue(settings.senderThreads(), clock.instant(), this::nextToken);
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxCall call : claimed) {
                handler.handle(call);
                handled++;
            }
        }
        return handled;
    }

    private void dispatch() {
        while (running) {
            try {
                int free = settings.senderThreads() - inFlight.get();
                if (free > 0) {
                    List<OutboxCall> claimed = leases.claimDue(free, clock.instant(), this::nextToken);
                    claimed.forEach(this::submit);
                    if (!claimed.isEmpty()) {
                        continue;
                    }
                }
                sleep(free > 0 ? untilNextChange() : settings.idlePoll());
            } catch (RuntimeException e) {
                // The database is down or slow: keep the thread, try again later; rows wait safely meanwhile.
                LOG.warn("the Slack outbox cannot read its queue, retrying in {} ms: {}", settings.idlePoll().toMillis(),
                        e.getMessage());
                sleep(settings.idlePoll());
            }
        }
    }

    private void submit(OutboxCall call) {
        inFlight.incrementAndGet();
        senders.execute(() -> {
            try {
                handler.handle(call);
            } catch (RuntimeException e) {
                LOG.warn("cannot record the outcome of {} (retried once its lease ends): {}", call.describe(),
                        e.getMessage());
            } finally {
                inFlight.decrementAndGet();
                wake();
            }
        });
    }

    private Duration untilNextChange() {
        Instant now = clock.instant();
        CallLeases.Outlook outlook = leases.outlook(now);
        slotsAhead = outlook.slots();
        Instant next = outlook.nextChange();
        if (next == null) {
            return settings.idlePoll();
        }
        Duration wait = Duration.between(now, next);
        return wait.compareTo(settings.idlePoll()) > 0 ? settings.idlePoll() : wait;
    }

    private void sleep(Duration duration) {
        try {
            if (wake.tryAcquire(Math.max(duration.toNanos(), 0), TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming, and waits for the calls being sent to finish. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            dispatcher.join(CLOSE_WAIT.toMillis());
            senders.shutdown();
            if (!senders.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }
}

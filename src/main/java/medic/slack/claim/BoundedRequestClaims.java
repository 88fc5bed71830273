package medic.slack.claim;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import medic.MedicException;
import medic.store.StoreException;

/**
 * Claims with a deadline: Slack wants its acknowledgement within 3 s, and a database that is slow to hand out a
 * connection (the pool waits up to 10 s) or holds a lock would keep the request waiting past it. A claim that has
 * not answered within {@code bound} fails like an unreachable store, so the caller handles the request here; the
 * late claim still finishes on its own thread. At most {@code maxWaiting} claims wait at once; beyond that, a claim
 * fails at once rather than piling up threads behind a stuck database.
 */
public final class BoundedRequestClaims implements RequestClaims {

    /** How long a request waits for its claim in medic before it is handled here anyway: well within Slack's 3 s. */
    public static final Duration BOUND = Duration.ofMillis(1500);
    /** How many claims may wait at once in medic. */
    public static final int MAX_WAITING = 16;

    private final RequestClaims claims;
    private final Duration bound;
    private final ThreadPoolExecutor claimers;

    public BoundedRequestClaims(RequestClaims claims, Duration bound, int maxWaiting) {
        if (bound.isNegative() || bound.isZero() || maxWaiting < 1) {
            throw new IllegalArgumentException("a claim needs a positive bound and room for one waiting claim, got "
                    + bound + " and " + maxWaiting);
        }
        this.claims = claims;
        this.bound = bound;
        AtomicInteger number = new AtomicInteger();
        this.claimers = new ThreadPoolExecutor(0, maxWaiting, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "medic-request-claim-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean claim(String requestKey) {
        Future<Boolean> claim;
        try {
            claim = claimers.submit(() -> claims.claim(requestKey));
        } catch (RejectedExecutionException e) {
            throw new StoreException("the database is already slow to answer " + claimers.getMaximumPoolSize()
                    + " claims of Slack requests; not waiting for another", e);
        }
        try {
            return claim.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("the database did not answer the claim of a Slack request within "
                    + bound.toMillis() + " ms (Slack wants an answer within 3 s)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while claiming a Slack request", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MedicException cause) {
                throw cause;
            }
            throw new StoreException("claiming a Slack request failed: " + e.getCause(), e.getCause());
        }
    }
}

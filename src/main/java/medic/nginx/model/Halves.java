package medic.nginx.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a loop over {@code [0, size)} as two halves, the second on the common pool, when the loop is long enough to
 * pay for the hand-off: a large config's thousands of servers are independent, and the machine has a second core.
 * The halves must write to disjoint places; what they built is visible to the caller once this returns.
 */
final class Halves {
    /** Below this many items one thread finishes sooner than two. */
    static final int MIN_SIZE = 256;

    /** The body of the loop, over the items from {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private Halves() {
    }

    static void run(int size, Range body) {
        if (size < MIN_SIZE || Runtime.getRuntime().availableProcessors() < 2) {
            body.run(0, size);
            return;
        }
        int middle = size / 2;
        Throwable[] failure = new Throwable[1];
        // The task keeps its own exception, so the caller rethrows the original, not a pool-made copy.
        ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(() -> {
            try {
                body.run(middle, size);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        try {
            body.run(0, middle);
        } finally {
            second.join();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }
}

package medic.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A piece of report work started on a thread of its own, to use the second core while the main thread makes
 * the proposal. Not the common pool: its one worker (on two cores) is the hardener's, for its safety re-parse.
 */
final class Background<T> {
    private final Thread thread;
    private T result;
    private Throwable failure;

    private Background(Supplier<T> work) {
        thread = new Thread(() -> {
            try {
                result = work.get();
            } catch (Throwable e) {
                failure = e;
            }
        }, "medic-report");
        thread.setDaemon(true);
    }

    /** Starts {@code work} at once. */
    static <T> Background<T> start(Supplier<T> work) {
        Background<T> background = new Background<>(work);
        background.thread.start();
        return background;
    }

    /** Waits for the result; the work's unchecked exception or error is rethrown as it was thrown. */
    T join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the report", e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    /** {@code future.join()}, with the unchecked exception it failed with rethrown as it was thrown. */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

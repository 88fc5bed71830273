package medic.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a command's stdout and stderr at the same time, each on its own thread: a child that fills the
 * stream nobody reads would otherwise block forever (a pipe buffer, or an SSH channel window).
 */
public final class OutputDrain {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "medic-output-drain-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final CappedOutput stdout;
    private final CappedOutput stderr;
    private final CompletableFuture<Void> both;

    private OutputDrain(CappedOutput stdout, CappedOutput stderr, CompletableFuture<Void> both) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.both = both;
    }

    /** Starts reading both streams, keeping at most {@code capBytes} of each. */
    public static OutputDrain start(InputStream stdoutStream, InputStream stderrStream, int capBytes) {
        CappedOutput stdout = new CappedOutput(capBytes);
        CappedOutput stderr = new CappedOutput(capBytes);
        CompletableFuture<Void> both = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> drain(stdout, stdoutStream), THREADS),
                CompletableFuture.runAsync(() -> drain(stderr, stderrStream), THREADS));
        return new OutputDrain(stdout, stderr, both);
    }

    /**
     * Waits until both streams ended or {@code deadlineNanos} ({@link System#nanoTime()} scale) passed.
     *
     * @return true when both ended; false on the deadline (the reads go on until the caller ends the source)
     * @throws IOException when reading either stream failed
     */
    public boolean awaitEnd(long deadlineNanos) throws IOException, InterruptedException {
        try {
            both.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException io) {
                    throw io;
                }
            }
            throw new IOException("reading command output failed: " + e.getCause(), e.getCause());
        }
    }

    public CappedOutput stdout() {
        return stdout;
    }

    public CappedOutput stderr() {
        return stderr;
    }

    public boolean truncated() {
        return stdout.truncated() || stderr.truncated();
    }

    private static void drain(CappedOutput output, InputStream stream) {
        try (stream) {
            output.drain(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

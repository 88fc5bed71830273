package medic.nginx.log;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import medic.MedicException;

/**
 * Scans segments of one log (each ending after a newline, except the last) on worker threads and absorbs their
 * tallies into the total in input order, so line numbers, samples and retries come out as a single pass would.
 * With one thread, or a log that fits one segment, everything runs on the caller's.
 */
final class SegmentScan implements AutoCloseable {
    /** A scanned segment and the buffer it came from, which the caller may reuse once it is absorbed. */
    record Scanned(LogTally tally, byte[] buffer) {
    }

    private final ScanLimits limits;
    private final int threads;
    private ExecutorService workers; // started with the first segment that is not the last
    private final Deque<Future<Scanned>> pending = new ArrayDeque<>();
    private final LogTally total;
    private final Deque<byte[]> freeBuffers = new ArrayDeque<>();
    private long lines;

    SegmentScan(ScanLimits limits, int threads) {
        this.limits = limits;
        this.threads = threads;
        this.total = new LogTally(limits);
    }

    /**
     * Queues {@code [from, to)} of {@code buffer}; {@code last} marks the end of the log (no trailing newline
     * needed); {@code recycle} lets {@link #buffer} hand the array out again once the segment is absorbed.
     */
    void submit(byte[] buffer, int from, int to, boolean last, boolean recycle) {
        if (workers == null && threads > 1 && !last) {
            workers = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "medic-log-scan");
                thread.setDaemon(true);
                return thread;
            });
        }
        if (workers == null) {
            absorb(scan(buffer, from, to, last, recycle));
            return;
        }
        pending.addLast(workers.submit(() -> scan(buffer, from, to, last, recycle)));
        while (pending.size() > threads) {
            absorbOldest();
        }
    }

    /** Queues an already-counted line (one too long for any buffer) in its place in the order. */
    void submitOverlong(byte[] buffer, int from, int to) {
        LogTally tally = new LogTally(limits);
        new LineScanner(tally).overlong(buffer, from, to);
        Scanned scanned = new Scanned(tally, null);
        if (workers == null) {
            absorb(scanned);
        } else {
            pending.addLast(CompletableFuture.completedFuture(scanned));
        }
    }

    /** A buffer of {@code size} bytes no queued segment still uses. */
    byte[] buffer(int size) {
        byte[] free = freeBuffers.pollFirst();
        return free != null && free.length == size ? free : new byte[size];
    }

    LogSummary finish() {
        while (!pending.isEmpty()) {
            absorbOldest();
        }
        return total.summary();
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private Scanned scan(byte[] buffer, int from, int to, boolean last, boolean recycle) {
        LogTally tally = new LogTally(limits);
        LineScanner lineScanner = new LineScanner(tally);
        int rest = lineScanner.completeLines(buffer, from, to);
        if (last) {
            lineScanner.lastLine(buffer, rest, to);
        }
        return new Scanned(tally, recycle ? buffer : null);
    }

    private void absorbOldest() {
        try {
            absorb(pending.removeFirst().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MedicException("Interrupted while scanning an nginx error log; scan again.", e);
        } catch (ExecutionException e) {
            throw new MedicException("Scanning an nginx error log failed: " + e.getCause(), e.getCause());
        }
    }

    private void absorb(Scanned scanned) {
        total.absorb(scanned.tally(), lines);
        lines += scanned.tally().lines();
        if (scanned.buffer() != null && freeBuffers.size() < 2) {
            freeBuffers.addLast(scanned.buffer());
        }
    }
}

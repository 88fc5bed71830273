package medic.nginx.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import medic.MedicException;

/**
 * Scans a whole nginx error log into a {@link LogSummary}: bytes in memory, or a stream read in segments of
 * 16 MiB, each scanned on a worker thread without decoding lines that cannot matter (see {@link LineScanner}).
 * Truncated, garbled and foreign lines are counted, never fatal. Thread-safe; a scan keeps no state behind.
 */
public final class ErrorLogScanner {
    /** Largest segment; in memory a log is cut into about two segments per thread, but none below 1 MiB. */
    static final int DEFAULT_SEGMENT = 32 << 20;
    static final int STREAM_SEGMENT = 16 << 20;
    private static final int MIN_SEGMENT = 1 << 20;
    /** A stream is read in buffers that hold any line worth parsing, whatever the segment size. */
    static final int MIN_STREAM_BUFFER = 2 * ErrorLogParser.MAX_PARSED_CHARS;

    private final ScanLimits limits;
    private final int threads;
    private final int segmentSize;

    /** Default limits, one worker per available processor (at most 8). */
    public ErrorLogScanner() {
        this(ScanLimits.DEFAULTS);
    }

    public ErrorLogScanner(ScanLimits limits) {
        this(limits, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public ErrorLogScanner(ScanLimits limits, int threads) {
        this(limits, threads, DEFAULT_SEGMENT);
    }

    ErrorLogScanner(ScanLimits limits, int threads, int segmentSize) {
        if (threads < 1 || segmentSize < 64) {
            throw new IllegalArgumentException("need at least 1 thread and 64-byte segments, got " + threads
                + " threads and " + segmentSize + " bytes");
        }
        this.limits = limits;
        this.threads = threads;
        this.segmentSize = segmentSize;
    }

    public LogSummary scan(byte[] log) {
        return scan(log, 0, log.length);
    }

    public LogSummary scan(byte[] log, int from, int to) {
        // Each segment starts its key maps afresh, so fewer, larger segments cost less to merge.
        long perThread = (to - from) / (2L * threads) + 1;
        int segment = threads == 1 ? Integer.MAX_VALUE
            : (int) Math.max(Math.min(segmentSize, MIN_SEGMENT), Math.min(segmentSize, perThread));
        int workers = (to - from) / segment >= 2 ? threads : 1;
        try (SegmentScan scan = new SegmentScan(limits, workers)) {
            int start = from;
            while (to - start > segment) {
                int newline = LineScanner.newline(log, start + segment, to);
                if (newline < 0) {
                    break;
                }
                scan.submit(log, start, newline + 1, false, false);
                start = newline + 1;
            }
            scan.submit(log, start, to, true, false);
            return scan.finish();
        }
    }

    /** Scans text, e.g. a log pasted into a chat; it is encoded as UTF-8 first. */
    public LogSummary scan(CharSequence log) {
        return scan(log.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code in} to its end (the caller closes it). {@code source} names the log in the error raised when
     * reading fails.
     */
    public LogSummary scan(InputStream in, String source) {
        try (SegmentScan scan = new SegmentScan(limits, threads)) {
            int bufferSize = Math.max(Math.min(segmentSize, STREAM_SEGMENT), MIN_STREAM_BUFFER);
            byte[] buffer = scan.buffer(bufferSize);
            int length = 0;
            while (true) {
                int read = fill(in, buffer, length);
                length += Math.max(read, 0);
                if (read < 0 || length < buffer.length) {
                    scan.submit(buffer, 0, length, true, true);
                    return scan.finish();
                }
                int lastNewline = lastNewline(buffer, length);
                if (lastNewline < 0) {
                    scan.submitOverlong(buffer, 0, length);
                    length = skipPastNewline(in, buffer);
                    if (length < 0) {
                        return scan.finish();
                    }
                    continue;
                }
                byte[] next = scan.buffer(bufferSize);
                length -= lastNewline + 1;
                System.arraycopy(buffer, lastNewline + 1, next, 0, length);
                scan.submit(buffer, 0, lastNewline + 1, false, true);
                buffer = next;
            }
        } catch (IOException e) {
            throw new MedicException("Cannot read the nginx error log " + source + ": " + e.getMessage()
                + ". Check that it exists and is readable, then scan again.", e);
        }
    }

    /** Convenience for callers at the edge (CLI, bench): streams the file. */
    public LogSummary scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, file.toString());
        } catch (IOException e) {
            throw new MedicException("Cannot open the nginx error log " + file + ": " + e.getMessage()
                + ". Check the path and its permissions.", e);
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; returns bytes read, or -1 at once at the end. */
    private static int fill(InputStream in, byte[] buffer, int from) throws IOException {
        int at = from;
        while (at < buffer.length) {
            int read = in.read(buffer, at, buffer.length - at);
            if (read < 0) {
                return at == from ? -1 : at - from;
            }
            at += read;
        }
        return at - from;
    }

    private static int lastNewline(byte[] buffer, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Discards input up to and including the next newline; moves what follows it to the front of {@code buffer}. */
    private static int skipPastNewline(InputStream in, byte[] buffer) throws IOException {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            int newline = LineScanner.newline(buffer, 0, read);
            if (newline >= 0) {
                System.arraycopy(buffer, newline + 1, buffer, 0, read - newline - 1);
                return read - newline - 1;
            }
        }
        return -1;
    }
}

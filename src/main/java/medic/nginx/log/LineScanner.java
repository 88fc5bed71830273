package medic.nginx.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Feeds lines of raw bytes into a {@link LogTally} without decoding most of them. A line whose fixed prefix is
 * nginx's ({@code YYYY/MM/DD HH:MM:SS [level] PID#TID: }) and that cannot carry a failure family (level debug or
 * notice, or no "upstream", "upgraded" or "worker_connections" in it) is counted as parsed from the prefix alone.
 * Every other line (candidates, lines at nginx's 2047-byte limit, an unterminated last line, anything that
 * breaks the prefix) is decoded and goes through {@link ErrorLogParser}, which alone decides its class.
 * The one difference from parsing every line: a line cut short in the middle of a file that carries no failure
 * family counts as parsed, not truncated. nginx writes each line with a single write(), so such lines only
 * appear where files were joined after a crash.
 */
final class LineScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MIN_FAST_LINE = 32;
    private static final int HEAD_CHARS = 4096;
    private static final byte[] DEBUG = bytes("debug] ");
    private static final byte[] INFO = bytes("info] ");
    private static final byte[] NOTICE = bytes("notice] ");
    private static final byte[] WARN = bytes("warn] ");
    private static final byte[] ERROR = bytes("error] ");
    private static final byte[] EMERG = bytes("emerg] ");
    private static final byte[] CRIT = bytes("crit] ");
    private static final byte[] ALERT = bytes("alert] ");
    private static final byte[] STREAM = bytes("stream");
    private static final byte[] GRADED = bytes("graded");
    private static final byte[] WORKER = bytes("worker_connections");

    private final LogTally tally;
    private long lineNumber;
    private boolean minuteCached;
    private long cachedHigh;
    private long cachedLow;
    private long cachedMinute;
    private LogTally.Minute cachedBucket;

    LineScanner(LogTally tally) {
        this.tally = tally;
    }

    /** Handles every complete line in {@code [from, to)}; returns where the unfinished last line starts. */
    int completeLines(byte[] b, int from, int to) {
        int start = from;
        for (int newline = newline(b, start, to); newline >= 0; newline = newline(b, start, to)) {
            line(b, start, newline, true);
            start = newline + 1;
        }
        return start;
    }

    /** The text after the last newline of the input. */
    void lastLine(byte[] b, int from, int to) {
        if (to > from) {
            line(b, from, to, false);
        }
    }

    /** A line that did not fit the read buffer: judged by its beginning, the rest is skipped by the caller. */
    void overlong(byte[] b, int from, int to) {
        lineNumber++;
        String head = new String(b, from, Math.min(to - from, HEAD_CHARS), StandardCharsets.UTF_8);
        tally.record(ErrorLogParser.overlong(head, lineNumber, to - from), head);
    }

    private void line(byte[] b, int start, int end, boolean terminated) {
        int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
        int length = stop - start;
        if (length > ErrorLogParser.MAX_PARSED_CHARS) {
            overlong(b, start, stop);
            return;
        }
        lineNumber++;
        if (terminated && length != ErrorLogParser.MAX_LINE_BYTES && countedFromPrefix(b, start, stop)) {
            return;
        }
        String text = new String(b, start, length, StandardCharsets.UTF_8);
        tally.record(ErrorLogParser.parse(text, lineNumber), text);
    }

    private boolean countedFromPrefix(byte[] b, int s, int e) {
        if (e - s < MIN_FAST_LINE || b[s + 4] != '/' || b[s + 7] != '/' || b[s + 10] != ' ' || b[s + 13] != ':'
            || b[s + 16] != ':' || b[s + 19] != ' ' || b[s + 20] != '[') {
            return false;
        }
        int tens = b[s + 17] - '0';
        int units = b[s + 18] - '0';
        if (tens < 0 || tens > 5 || units < 0 || units > 9) {
            return false;
        }
        int at = s + 21;
        boolean quiet;
        byte[] word;
        switch (b[at]) {
            case 'd' -> { word = DEBUG; quiet = true; }
            case 'n' -> { word = NOTICE; quiet = true; }
            case 'i' -> { word = INFO; quiet = false; }
            case 'w' -> { word = WARN; quiet = false; }
            case 'e' -> { word = b[at + 1] == 'r' ? ERROR : EMERG; quiet = false; }
            case 'c' -> { word = CRIT; quiet = false; }
            case 'a' -> { word = ALERT; quiet = false; }
            default -> { return false; }
        }
        if (!matches(b, at, e, word)) {
            return false;
        }
        int message = pidTidEnd(b, at + word.length, e);
        if (message < 0 || message >= e || b[message] == '*' && !hasMessageAfterConnection(b, message, e)
            || !quiet && mayCarryFailure(b, message, e)) {
            return false;
        }
        long high = (long) LONGS.get(b, s);
        long low = (long) LONGS.get(b, s + 8);
        if ((!minuteCached || high != cachedHigh || low != cachedLow) && !cacheMinute(b, s, high, low)) {
            return false;
        }
        tally.parsedFast(cachedBucket, cachedMinute * 60 + tens * 10 + units);
        return true;
    }

    /** Position after {@code PID#TID: }, or -1. */
    private static int pidTidEnd(byte[] b, int from, int e) {
        int hash = digitsEnd(b, from, e);
        if (hash == from || hash >= e || b[hash] != '#') {
            return -1;
        }
        int colon = digitsEnd(b, hash + 1, e);
        return colon == hash + 1 || colon + 1 >= e || b[colon] != ':' || b[colon + 1] != ' ' ? -1 : colon + 2;
    }

    private static boolean hasMessageAfterConnection(byte[] b, int star, int e) {
        int end = digitsEnd(b, star + 1, e);
        return end > star + 1 && end + 1 < e && b[end] == ' ';
    }

    private static int digitsEnd(byte[] b, int from, int e) {
        int i = from;
        while (i < e && i - from < ErrorLogParser.MAX_DIGITS && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean mayCarryFailure(byte[] b, int from, int e) {
        for (int i = from; i + 8 <= e; i++) {
            byte c = b[i];
            if (c == 'u' && b[i + 1] == 'p' && (matches(b, i + 2, e, STREAM) || matches(b, i + 2, e, GRADED))
                || c == 'w' && matches(b, i, e, WORKER)) {
                return true;
            }
        }
        return false;
    }

    private boolean cacheMinute(byte[] b, int s, long high, long low) {
        minuteCached = false;
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) {
            if (!isDigit(b[s + i])) {
                return false;
            }
        }
        try {
            LocalDateTime minute = LocalDateTime.of(number(b, s, 4), number(b, s + 5, 2), number(b, s + 8, 2),
                number(b, s + 11, 2), number(b, s + 14, 2));
            cachedMinute = minute.toEpochSecond(ZoneOffset.UTC) / 60;
        } catch (DateTimeException e) {
            return false;
        }
        cachedBucket = tally.minute(cachedMinute);
        cachedHigh = high;
        cachedLow = low;
        minuteCached = true;
        return true;
    }

    /** Index of the first {@code \n} in {@code [from, to)}, eight bytes at a time, or -1. */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] b, int at, int end, byte[] word) {
        if (at + word.length > end) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[at + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static int number(byte[] b, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + b[i] - '0';
        }
        return value;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package medic.nginx.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spots client connections ({@code *CONN}) with more than one upstream failure without allocating per line:
 * a direct-mapped table indexed by the low bits of the connection number remembers the last failing connection
 * per slot. nginx numbers connections from one shared counter, so a repeat within {@code window} (rounded up to a
 * power of two) connection numbers of the first failure is always seen; older ones may have been overwritten.
 */
final class RetryWatcher {
    private static final byte RETRIED = 1;
    private static final byte ANY_RESET = 2;
    private static final byte RESET_COUNTED = 4;
    private static final FailureClass[] CLASSES = FailureClass.values();

    private final long[] connections;
    private final long[] firstLines;
    private final byte[] firstClasses;
    private final byte[] flags;
    private final int mask;
    private final int listed;
    private final Map<Long, Repeat> repeats = new LinkedHashMap<>();
    private long retried;
    private long retriedAfterReset;

    /** A listed connection seen failing again; only these get an object. */
    private static final class Repeat {
        final List<FailureClass> failures = new ArrayList<>(4);
        long firstLine;
        long lastLine;
    }

    RetryWatcher(int window, int listed) {
        int size = Integer.highestOneBit(Math.max(2, window) - 1) << 1;
        this.connections = new long[size];
        this.firstLines = new long[size];
        this.firstClasses = new byte[size];
        this.flags = new byte[size];
        this.mask = size - 1;
        this.listed = listed;
        Arrays.fill(connections, -1);
    }

    void failure(long connection, FailureClass failureClass, long lineNumber) {
        int slot = (int) (connection & mask);
        if (connections[slot] != connection) {
            connections[slot] = connection;
            firstLines[slot] = lineNumber;
            firstClasses[slot] = (byte) failureClass.ordinal();
            flags[slot] = failureClass.isReset() ? ANY_RESET : 0;
            return;
        }
        byte state = (byte) (flags[slot] | (failureClass.isReset() ? ANY_RESET : 0));
        Repeat repeat = repeats.get(connection);
        if ((state & RETRIED) == 0) {
            state |= RETRIED;
            retried++;
            if (repeats.size() < listed) {
                repeat = new Repeat();
                repeat.firstLine = firstLines[slot];
                repeat.failures.add(CLASSES[firstClasses[slot]]);
                repeats.put(connection, repeat);
            }
        }
        if ((state & ANY_RESET) != 0 && (state & RESET_COUNTED) == 0) {
            state |= RESET_COUNTED;
            retriedAfterReset++;
        }
        flags[slot] = state;
        if (repeat != null) {
            if (repeat.failures.size() < 16) {
                repeat.failures.add(failureClass);
            }
            repeat.lastLine = lineNumber;
        }
    }

    long retried() {
        return retried;
    }

    long retriedAfterReset() {
        return retriedAfterReset;
    }

    List<ConnectionRetry> listed() {
        List<ConnectionRetry> list = new ArrayList<>(repeats.size());
        repeats.forEach((number, r) -> list.add(new ConnectionRetry(number, r.failures, r.firstLine, r.lastLine)));
        return list;
    }
}

package medic.runbook;

import java.time.Duration;

/** Which part of an error log an {@code error_log} step reads: the lines since a time, or the last N lines. */
public sealed interface LogWindow {
    /** Lines written in the last {@code period}, by the host's clock and the log's own timestamps. */
    record Since(Duration period) implements LogWindow {
    }

    /** The last {@code count} lines of the log (counted before any filter). */
    record LastLines(int count) implements LogWindow {
    }
}

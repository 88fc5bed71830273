package medic.watch;

/**
 * What one poll read from an error log: the file's identity, the offset the bytes start at, the bytes, and how many
 * of them form complete lines (the rest, a line nginx is still writing, waits for the next poll).
 *
 * @param fileSize the file's size when it was polled; more than {@code start + consumed} means more is waiting
 */
public record LogChunk(Restart restart, String identity, long start, byte[] bytes, int consumed, long fileSize) {

    /** Why reading (re)started where it did. */
    public enum Restart {
        /** Following on from the cursor. */
        NONE,
        /** The first poll of this log: what was already there is skipped. */
        FIRST_READ,
        /** The path now names another file (logrotate moved it): read the new one from 0. */
        ROTATED,
        /** The file became shorter than the cursor (truncated, copytruncate): read it from 0. */
        TRUNCATED,
        /** No file at the path right now (between a rotation's move and nginx reopening): nothing read. */
        MISSING
    }

    /** The cursor after consuming the complete lines of this chunk. */
    public LogCursor advance(LogCursor cursor) {
        return restart == Restart.MISSING ? cursor : cursor.at(identity, start + consumed);
    }

    /** True when the file holds more complete data than this chunk carried (the read cap was reached). */
    public boolean hasMore() {
        return restart != Restart.MISSING && consumed > 0 && start + consumed < fileSize;
    }
}

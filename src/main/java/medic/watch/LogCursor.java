package medic.watch;

import java.util.Objects;

/**
 * Where the watcher stopped in one error log: the file's identity (its inode) and the byte offset just after the
 * last complete line consumed. A cursor with no identity has never read the file: it starts at the file's end.
 */
public record LogCursor(String host, String path, String identity, long offset) {
    public LogCursor {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        if (offset < 0) {
            throw new IllegalArgumentException("log offset must be zero or more, not " + offset + " (" + path + ")");
        }
    }

    /** A log never read before: the first poll skips what is already there and follows from the end. */
    public static LogCursor fresh(String host, String path) {
        return new LogCursor(host, path, "", 0);
    }

    public boolean isFresh() {
        return identity.isEmpty();
    }

    public LogCursor at(String newIdentity, long newOffset) {
        return new LogCursor(host, path, newIdentity, newOffset);
    }
}

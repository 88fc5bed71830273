package medic.watch;

import java.time.Duration;
import java.util.Base64;
import medic.remote.ShellQuote;
import medic.remote.RemoteException;
import medic.remote.RemoteHost;

/**
 * Follows one error log by byte offset with a single fixed shell command per poll: it opens the file once, prints
 * its inode and size from that open file, then the bytes from the offset up to a cap as base64 (so offsets count
 * bytes exactly, whatever the encoding). A new inode (rotation) or a size below the offset (truncation) restarts at 0.
 */
public final class LogFollower {
    /** Bytes read per poll unless told otherwise; base64 makes that 4/3 larger, well inside the 1 MiB output cap. */
    public static final int DEFAULT_CHUNK_BYTES = 512 * 1024;

    private final int chunkBytes;
    private final Duration timeout;

    public LogFollower(int chunkBytes, Duration timeout) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, not " + chunkBytes);
        }
        this.chunkBytes = chunkBytes;
        this.timeout = timeout;
    }

    public LogFollower() {
        this(DEFAULT_CHUNK_BYTES, Duration.ofSeconds(30));
    }

    /** Reads what was appended to {@code cursor.path()} since the cursor. */
    public LogChunk poll(RemoteHost host, LogCursor cursor) {
        if (!cursor.identity().matches("[0-9]*")) {
            throw new IllegalArgumentException("log cursor identity must be an inode number, not \""
                    + cursor.identity() + "\" (" + cursor.host() + ":" + cursor.path() + ")");
        }
        var result = host.run(command(cursor), timeout);
        if (!result.succeeded() || result.truncated()) {
            throw new RemoteException(host.name(), "follow " + cursor.path(), RemoteException.Cause.COMMAND_FAILED,
                    "reading " + cursor.path() + " failed (exit " + result.exitCode() + "): "
                            + result.stderr().strip() + (result.truncated() ? " (output over the cap)" : ""), null);
        }
        String out = result.stdout();
        int newline = out.indexOf('\n');
        String header = newline < 0 ? out.strip() : out.substring(0, newline);
        if (header.equals("missing")) {
            return new LogChunk(LogChunk.Restart.MISSING, cursor.identity(), cursor.offset(), new byte[0], 0,
                    cursor.offset());
        }
        String[] fields = header.split(" ");
        if (fields.length != 3) {
            throw new RemoteException(host.name(), "follow " + cursor.path(), RemoteException.Cause.COMMAND_FAILED,
                    "unexpected reply when reading " + cursor.path() + ": \"" + header + "\"", null);
        }
        String identity = fields[0];
        long size = Long.parseLong(fields[1]);
        long start = Long.parseLong(fields[2]);
        byte[] bytes = Base64.getMimeDecoder().decode(newline < 0 ? "" : out.substring(newline + 1));
        return new LogChunk(restart(cursor, identity, start), identity, start, bytes, consumable(bytes), size);
    }

    private static LogChunk.Restart restart(LogCursor cursor, String identity, long start) {
        if (cursor.isFresh()) {
            return LogChunk.Restart.FIRST_READ;
        }
        if (!cursor.identity().equals(identity)) {
            return LogChunk.Restart.ROTATED;
        }
        return start < cursor.offset() ? LogChunk.Restart.TRUNCATED : LogChunk.Restart.NONE;
    }

    /** Up to the last newline; a full chunk without any newline is consumed whole, or the cursor would never move. */
    private int consumable(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length >= chunkBytes ? bytes.length : 0;
    }

    /** The poll command: the path and the cursor's values are the only inputs, each quoted or a number. */
    String command(LogCursor cursor) {
        return "f=" + ShellQuote.single(cursor.path()) + "; o=" + cursor.offset() + "; i=" + ShellQuote.single(cursor.identity())
                + "\n[ -e \"$f\" ] || { echo missing; exit 0; }"
                + "\nexec 3<\"$f\" || exit 3"
                + "\nset -- $(stat -L -c '%i %s' /dev/fd/3) || exit 4"
                + "\nif [ -z \"$i\" ]; then o=$2; elif [ \"$1\" != \"$i\" ] || [ \"$2\" -lt \"$o\" ]; then o=0; fi"
                + "\necho \"$1 $2 $o\""
                + "\ntail -c +$((o+1)) <&3 | head -c " + chunkBytes + " | base64";
    }
}

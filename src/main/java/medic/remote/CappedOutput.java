package medic.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** One output stream read to its end: the first {@code capBytes} kept, the rest discarded but counted. */
public final class CappedOutput {

    private static final int BUFFER_BYTES = 32 * 1024;

    private final int capBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long discardedBytes;

    public CappedOutput(int capBytes) {
        if (capBytes < 0) {
            throw new IllegalArgumentException("output cap must be zero or more bytes, not " + capBytes);
        }
        this.capBytes = capBytes;
    }

    /** Reads {@code input} until end of stream; never holds more than the cap in memory. */
    public void drain(InputStream input) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        int read;
        while ((read = input.read(buffer)) != -1) {
            int room = capBytes - kept.size();
            int keep = Math.min(room, read);
            kept.write(buffer, 0, keep);
            discardedBytes += read - keep;
        }
    }

    /** The kept bytes as UTF-8 text (a character cut by the cap becomes U+FFFD). */
    public String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    public boolean truncated() {
        return discardedBytes > 0;
    }

    public long discardedBytes() {
        return discardedBytes;
    }
}

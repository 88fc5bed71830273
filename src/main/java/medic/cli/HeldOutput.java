package medic.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream that keeps what is written in memory until {@link #release} names the destination, then
 * passes everything straight through: a report can be started before it is certain it will be printed.
 */
final class HeldOutput extends OutputStream {
    private static final int CHUNK = 1 << 18;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private OutputStream target;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (target != null) {
            target.write(bytes, offset, length);
            return;
        }
        while (length > 0) {
            if (used == chunk.length) {
                full.add(chunk);
                chunk = new byte[CHUNK];
                used = 0;
            }
            int n = Math.min(length, chunk.length - used);
            System.arraycopy(bytes, offset, chunk, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Writes what is held to {@code destination}, and from now on writes go there directly. */
    void release(OutputStream destination) throws IOException {
        for (byte[] bytes : full) {
            destination.write(bytes, 0, bytes.length);
        }
        destination.write(chunk, 0, used);
        full.clear();
        chunk = null;
        target = destination;
    }

    @Override
    public void flush() throws IOException {
        if (target != null) {
            target.flush();
        }
    }
}

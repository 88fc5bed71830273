package medic.alert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a limit, so an oversized or endless body never fills the heap. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or empty when it is longer than {@code limit} bytes (reading stops there). */
    static Optional<byte[]> read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }
}

package medic.alert;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/** Reads a request body up to a limit, so an oversized or endless body never fills the heap. */
final class BoundedBody {

    /** First buffer when the sender declared no length; Alertmanager's usual deliveries fit. */
    private static final int UNDECLARED_START = 8 * 1024;
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private BoundedBody() {
    }

    /**
     * The body, or empty when it is longer than {@code limit} bytes (reading stops there). The buffer starts at the
     * declared length ({@code declared}, -1 when unknown), so a storm of small deliveries does not allocate a large
     * buffer per request; the declared length is only a hint, the bytes read decide.
     */
    static Optional<byte[]> read(InputStream in, long limit, long declared) throws IOException {
        long cap = Math.min(limit + 1, LARGEST_ARRAY);
        long start = declared >= 0 ? declared + 1 : UNDECLARED_START;
        byte[] body = new byte[(int) Math.max(1, Math.min(cap, start))];
        int size = 0;
        while (true) {
            if (size == body.length) {
                if (body.length >= cap) {
                    return Optional.empty();
                }
                body = Arrays.copyOf(body, (int) Math.min(cap, 2L * body.length));
            }
            int n = in.read(body, size, body.length - size);
            if (n == -1) {
                return Optional.of(size == body.length ? body : Arrays.copyOf(body, size));
            }
            size += n;
            if (size > limit) {
                return Optional.empty();
            }
        }
    }
}

package medic.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CappedOutputTest {

    @Test
    void keeps_output_under_the_cap_whole() throws IOException {
        CappedOutput output = new CappedOutput(100);

        output.drain(stream("hello\n"));

        assertEquals("hello\n", output.text());
        assertFalse(output.truncated());
    }

    @Test
    void keeps_the_first_bytes_and_counts_the_discarded_rest() throws IOException {
        CappedOutput output = new CappedOutput(4);

        output.drain(stream("0123456789"));

        assertEquals("0123", output.text());
        assertTrue(output.truncated());
        assertEquals(6, output.discardedBytes());
    }

    @Test
    void reads_a_stream_far_larger_than_the_cap_to_its_end() throws IOException {
        CappedOutput output = new CappedOutput(1024);
        long size = 200L * 1024 * 1024;

        output.drain(new Zeros(size));

        assertEquals(1024, output.text().length());
        assertEquals(size - 1024, output.discardedBytes());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream of {@code size} zero bytes that holds none of them in memory. */
    private static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + count, (byte) 0);
            remaining -= count;
            return count;
        }
    }
}

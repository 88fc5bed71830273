package medic.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static final long LIMIT = 20_000;

    @Test
    void reads_a_body_of_its_declared_length() throws IOException {
        byte[] body = bytes(3000);
        assertArrayEquals(body, BoundedBody.read(trickle(body), LIMIT, body.length).orElseThrow());
    }

    @Test
    void reads_the_whole_body_when_the_declared_length_is_wrong_or_missing() throws IOException {
        byte[] body = bytes(12_000);
        assertArrayEquals(body, BoundedBody.read(trickle(body), LIMIT, 100).orElseThrow());
        assertArrayEquals(body, BoundedBody.read(trickle(body), LIMIT, -1).orElseThrow());
        assertArrayEquals(new byte[0], BoundedBody.read(trickle(new byte[0]), LIMIT, -1).orElseThrow());
    }

    @Test
    void takes_a_body_of_exactly_the_limit_and_refuses_one_byte_more() throws IOException {
        byte[] atLimit = bytes((int) LIMIT);
        assertArrayEquals(atLimit, BoundedBody.read(trickle(atLimit), LIMIT, -1).orElseThrow());
        assertEquals(Optional.empty(), BoundedBody.read(trickle(bytes((int) LIMIT + 1)), LIMIT, -1));
        assertEquals(Optional.empty(), BoundedBody.read(trickle(bytes((int) LIMIT + 1)), LIMIT, 10));
    }

    private static byte[] bytes(int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) 'a');
        for (int i = 0; i < length; i += 7) {
            body[i] = (byte) ('0' + i % 10);
        }
        return body;
    }

    /** A stream that hands out at most 1,000 bytes a read, as a socket does. */
    private static InputStream trickle(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 1000));
            }
        };
    }
}

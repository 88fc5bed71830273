package medic.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShortKeepAliveBackendTest {
    private static final byte[] REQUEST = "GET /api/orders HTTP/1.1\r\nHost: api_upstream\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void answers_requests_that_come_before_its_idle_timeout_on_one_connection() throws Exception {
        try (ShortKeepAliveBackend backend = ShortKeepAliveBackend.start(Duration.ofMillis(400));
                Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(5000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(REQUEST);
                String head = WebSocketFrames.readHead(socket.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
                socket.getInputStream().readNBytes(Integer.parseInt(WebSocketFrames.header(head, "Content-Length")));
            }
            assertEquals(3, backend.answered());
            assertEquals(1, backend.connections());
            assertEquals(0, backend.resets());
        }
    }

    @Test
    void resets_a_request_arriving_on_a_connection_idle_past_its_timeout() throws Exception {
        try (ShortKeepAliveBackend backend = ShortKeepAliveBackend.start(Duration.ofMillis(300));
                Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(REQUEST);
            String head = WebSocketFrames.readHead(in);
            in.readNBytes(Integer.parseInt(WebSocketFrames.header(head, "Content-Length")));
            Thread.sleep(600); // the connection idles in the client's pool, as in nginx's, past the backend's timeout

            out.write(REQUEST);
            SocketException reset = assertThrows(SocketException.class, in::read);
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            assertEquals(1, backend.answered());
            assertEquals(1, backend.resets());
        }
    }
}

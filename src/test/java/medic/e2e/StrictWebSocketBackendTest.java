package medic.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StrictWebSocketBackendTest {

    @Test
    void upgrades_a_websocket_handshake_and_echoes_after_the_tunnel_idled() throws Exception {
        try (StrictWebSocketBackend backend = StrictWebSocketBackend.start()) {
            WebSocketClient.Outcome outcome = WebSocketClient.connectAndIdle(backend.port(), "/ws/feed",
                    Duration.ofMillis(200));

            assertEquals(101, outcome.status(), outcome.detail());
            assertTrue(outcome.survivedIdle(), outcome.detail());
            assertEquals(1, backend.upgrades());
            assertEquals(0, backend.resets());
        }
    }

    @Test
    void resets_a_request_nginx_sends_without_the_upgrade_headers() throws Exception {
        try (StrictWebSocketBackend backend = StrictWebSocketBackend.start();
                Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(5000);
            // What nginx sends with proxy_http_version 1.0 and no proxy_set_header Upgrade/Connection.
            socket.getOutputStream().write(("GET /ws/feed HTTP/1.0\r\nHost: ws_upstream\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            IOException reset = assertThrows(SocketException.class, () -> socket.getInputStream().read());
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            assertEquals(1, backend.resets());
            assertEquals(0, backend.upgrades());
        }
    }
}

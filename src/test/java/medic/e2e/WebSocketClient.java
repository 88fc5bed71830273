package medic.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's side of the live feed, over a plain socket to nginx: the RFC 6455 handshake, then (when it
 * succeeded) a tunnel held idle for a while before one message is sent and its echo awaited.
 */
final class WebSocketClient {
    /** What one client saw: the handshake's status, and whether the tunnel carried a message after idling. */
    record Outcome(int status, boolean survivedIdle, String detail) {
    }

    private WebSocketClient() {
    }

    static Outcome connectAndIdle(int port, String path, Duration idle) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout((int) idle.plusSeconds(5).toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String key = WebSocketFrames.newKey();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: edge-1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = WebSocketFrames.readHead(in);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            if (status != 101) {
                return new Outcome(status, false, head.split("\r\n", 2)[0]);
            }
            if (!WebSocketFrames.accept(key).equals(WebSocketFrames.header(head, "Sec-WebSocket-Accept"))) {
                return new Outcome(status, false, "wrong Sec-WebSocket-Accept in " + head);
            }
            if (idle.isZero()) {
                return new Outcome(status, false, "not held");
            }
            Thread.sleep(idle.toMillis()); // the point of the test: a tunnel with nothing to say for a while
            WebSocketFrames.writeText(out, "still-there", true);
            String echo = WebSocketFrames.readText(in);
            return new Outcome(status, echo.equals("echo:still-there"), "echo " + echo);
        } catch (IOException e) {
            return new Outcome(0, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, false, "interrupted");
        }
    }
}

package medic.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client of the orders API through nginx: one GET per connection, as a browser's fetch after a pause. */
final class PlainHttpClient {
    private PlainHttpClient() {
    }

    /** The status nginx answered {@code GET path} with, or 0 when the connection failed. */
    static int get(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: edge-1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = WebSocketFrames.readHead(in);
            in.readAllBytes();
            return Integer.parseInt(head.split(" ", 3)[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

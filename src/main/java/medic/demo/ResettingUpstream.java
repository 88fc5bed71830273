package medic.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo's misbehaving WebSocket backend on loopback: a proper handshake (HTTP/1.1 with {@code Upgrade: websocket})
 * gets {@code 101} and an open tunnel until the client leaves; anything else gets a TCP reset (SO_LINGER 0), which
 * nginx logs as {@code recv() failed (104: Connection reset by peer)}.
 */
final class ResettingUpstream implements AutoCloseable {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER = 16 * 1024;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "medic-demo-upstream");
        thread.setDaemon(true);
        return thread;
    });

    private ResettingUpstream(ServerSocket server) {
        this.server = server;
    }

    static ResettingUpstream start() throws IOException {
        ResettingUpstream upstream = new ResettingUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        upstream.connections.execute(upstream::accept);
        return upstream;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            String lower = head.toLowerCase(Locale.ROOT);
            String key = header(head, "sec-websocket-key");
            if (!head.startsWith("GET ") || !head.lines().findFirst().orElse("").endsWith("HTTP/1.1")
                    || !lower.contains("\nupgrade: websocket") || key == null) {
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // Hold the tunnel open until the client (through nginx) closes it.
            }
        } catch (IOException e) {
            // The client went away; nothing to tell.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while (head.length() < MAX_HEADER && (c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString().replace("\r\n", "\n");
    }

    private static String header(String head, String name) {
        for (String line : head.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}

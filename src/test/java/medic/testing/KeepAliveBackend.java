package medic.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 backend on 127.0.0.1 that closes a keep-alive connection left idle for its idle timeout, as
 * Node's {@code server.keepAliveTimeout} does: the thing medic's idle-timeout probe measures.
 */
public final class KeepAliveBackend implements AutoCloseable {
    /** How it answers. */
    public enum Style { CONTENT_LENGTH, CHUNKED, CONNECTION_CLOSE, NOT_HTTP }

    private final ServerSocket server;
    private final Duration idleTimeout;
    private final Style style;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    private KeepAliveBackend(ServerSocket server, Duration idleTimeout, Style style) {
        this.server = server;
        this.idleTimeout = idleTimeout;
        this.style = style;
    }

    public static KeepAliveBackend start(Duration idleTimeout, Style style) throws IOException {
        KeepAliveBackend backend = new KeepAliveBackend(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                idleTimeout, style);
        Thread acceptor = new Thread(backend::accept, "keepalive-backend-" + backend.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return backend;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, as an nginx upstream server line names it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "keepalive-backend-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) idleTimeout.toMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequestHead(in)) {
                requests.incrementAndGet();
                out.write(response());
                out.flush();
                if (style == Style.CONNECTION_CLOSE || style == Style.NOT_HTTP) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            // Idle for the whole timeout: closing is the point.
        } catch (IOException e) {
            // The client went away.
        } finally {
            open.remove(socket);
        }
    }

    private static boolean readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return true;
            }
        }
        return false;
    }

    private byte[] response() {
        String text = switch (style) {
            case CONTENT_LENGTH -> "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n"
                    + "Keep-Alive: timeout=" + idleTimeout.toSeconds() + "\r\n\r\nnot found\n";
            case CHUNKED -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n6;ext=1\r\nworld\n\r\n"
                    + "0\r\nX-Trailer: yes\r\n\r\n";
            case CONNECTION_CLOSE -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nok\n";
            case NOT_HTTP -> "\u0015\u0003\u0003\u0000\u0002\u0002\u0046";
        };
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}

package medic.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The orders API's backend on 127.0.0.1: HTTP/1.1 with keep-alive and an idle timeout shorter than nginx's upstream
 * {@code keepalive_timeout} (gunicorn's default is 2 s). It loses the keep-alive race every time instead of now and
 * then: a request arriving on a connection idle for the timeout or longer meets the idle timer firing, and the
 * connection is closed with the request unread, which the kernel answers with a reset (made certain here with
 * SO_LINGER 0). nginx logs that as {@code recv() failed (104: Connection reset by peer) while reading response header
 * from upstream} and retries a GET on a new connection. A real server closes at the timer instead and nginx only
 * loses when its request crosses the close on the wire; waiting for the request widens that window to "any time
 * after the timeout", so the race is certain for a paced client and impossible once nginx's own timeout is the
 * shorter one (nginx then closes first and opens a new connection).
 */
final class ShortKeepAliveBackend implements AutoCloseable {
    private final Duration idleTimeout;
    private final LoopbackAcceptor acceptor;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();

    private ShortKeepAliveBackend(Duration idleTimeout) throws IOException {
        this.idleTimeout = idleTimeout;
        this.acceptor = LoopbackAcceptor.start("short-keepalive", this::serve);
    }

    static ShortKeepAliveBackend start(Duration idleTimeout) throws IOException {
        return new ShortKeepAliveBackend(idleTimeout);
    }

    int port() {
        return acceptor.port();
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** Connections accepted (nginx opens one whenever its pool has none idle). */
    int connections() {
        return acceptor.accepted();
    }

    /** Requests answered with 200. */
    int answered() {
        return answered.get();
    }

    /** Requests that met the idle timer and were reset. */
    int resets() {
        return resets.get();
    }

    private void serve(Socket socket) throws IOException {
        PushbackInputStream in = new PushbackInputStream(socket.getInputStream(), 1);
        OutputStream out = socket.getOutputStream();
        long idleSince = System.nanoTime();
        while (true) {
            int first = in.read(); // blocks while the connection idles in nginx's pool
            if (first < 0) {
                return; // nginx closed it: its keepalive_timeout ran out first
            }
            if (System.nanoTime() - idleSince >= idleTimeout.toNanos()) {
                resets.incrementAndGet();
                LoopbackAcceptor.reset(socket); // the request stays unread
                return;
            }
            in.unread(first);
            String head = WebSocketFrames.readHead(in);
            answer(out, head.split("\r\n", 2)[0]);
            answered.incrementAndGet();
            idleSince = System.nanoTime();
        }
    }

    private void answer(OutputStream out, String requestLine) throws IOException {
        byte[] body = ("served " + requestLine + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nKeep-Alive: timeout=" + idleTimeout.toSeconds() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        acceptor.close();
    }
}

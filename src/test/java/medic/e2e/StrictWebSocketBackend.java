package medic.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed's backend on 127.0.0.1: a WebSocket-only server that aborts what it cannot speak. A proper
 * handshake (HTTP/1.1, {@code Upgrade: websocket}, {@code Connection: upgrade}, a key) gets 101 and an echoing
 * tunnel that stays open however long it idles; any other request is read whole and then reset (SO_LINGER 0),
 * which nginx logs as {@code recv() failed (104: Connection reset by peer) while reading response header from
 * upstream}. So the resets are caused by nginx's config (HTTP/1.0, Upgrade/Connection not passed on) and stop
 * exactly when a config passing the handshake through is applied; the backend itself never changes.
 */
final class StrictWebSocketBackend implements AutoCloseable {
    private final LoopbackAcceptor acceptor;
    private final AtomicInteger upgrades = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();

    private StrictWebSocketBackend() throws IOException {
        this.acceptor = LoopbackAcceptor.start("strict-ws", this::serve);
    }

    static StrictWebSocketBackend start() throws IOException {
        return new StrictWebSocketBackend();
    }

    int port() {
        return acceptor.port();
    }

    /** Handshakes answered with 101. */
    int upgrades() {
        return upgrades.get();
    }

    /** Requests answered with a reset. */
    int resets() {
        return resets.get();
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String head = WebSocketFrames.readHead(in);
        String key = WebSocketFrames.header(head, "Sec-WebSocket-Key");
        boolean handshake = head.startsWith("GET ") && head.split("\r\n", 2)[0].endsWith(" HTTP/1.1")
                && WebSocketFrames.headerHasToken(head, "Upgrade", "websocket")
                && WebSocketFrames.headerHasToken(head, "Connection", "upgrade") && !key.isEmpty();
        if (!handshake) {
            resets.incrementAndGet();
            LoopbackAcceptor.reset(socket);
            return;
        }
        upgrades.incrementAndGet();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WebSocketFrames.accept(key) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        while (true) {
            WebSocketFrames.writeText(out, "echo:" + WebSocketFrames.readText(in), false);
        }
    }

    @Override
    public void close() throws IOException {
        acceptor.close();
    }
}

package medic.apply;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A real WebSocket upstream on loopback (Java-WebSocket) that echoes every text message. */
public final class EchoUpstream extends WebSocketServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);

    private EchoUpstream(int port) {
        super(new InetSocketAddress("127.0.0.1", port));
        setReuseAddr(true);
        // No pings from the server side: an idle tunnel must really be idle for the probe to mean anything.
        setConnectionLostTimeout(0);
    }

    public static EchoUpstream start(int port) throws InterruptedException {
        EchoUpstream server = new EchoUpstream(port);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the echo upstream did not start on port " + port);
        }
        return server;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(2000);
    }
}

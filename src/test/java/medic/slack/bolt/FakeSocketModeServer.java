package medic.slack.bolt;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** Slack's Socket Mode end on loopback: greets each connection with hello, then sends the given envelopes. */
public final class FakeSocketModeServer extends WebSocketServer {
    public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> envelopes;
    private final CountDownLatch started = new CountDownLatch(1);

    public FakeSocketModeServer(List<String> envelopes) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.envelopes = envelopes;
        setReuseAddr(true);
    }

    public void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Socket Mode server did not start");
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        connection.send(FakeSlackApi.fixture("socket-hello.json"));
        envelopes.forEach(connection::send);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(message);
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}

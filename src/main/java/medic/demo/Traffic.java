package medic.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A browser-like client opening WebSocket connections through the demo's nginx at a steady pace, each closed once
 * the handshake is answered: enough traffic for the misconfigured site to log real upstream resets.
 */
final class Traffic implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final int nginxPort;
    private final AtomicLong upgraded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "medic-demo-traffic");
        thread.setDaemon(true);
        return thread;
    });

    private Traffic(int nginxPort) {
        this.nginxPort = nginxPort;
    }

    static Traffic start(int nginxPort, Duration every) {
        Traffic traffic = new Traffic(nginxPort);
        traffic.pacer.scheduleWithFixedDelay(traffic::connect, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** Handshakes answered with 101 so far (the site works). */
    long upgraded() {
        return upgraded.get();
    }

    /** Handshakes that failed (502 after an upstream reset, or no answer). */
    long failed() {
        return failed.get();
    }

    private void connect() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), nginxPort)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /ws/live-feed HTTP/1.1\r\nHost: demo.medic.local\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = statusLine(socket.getInputStream());
            (status.contains(" 101 ") ? upgraded : failed).incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() {
        pacer.shutdownNow();
    }
}

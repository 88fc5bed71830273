package medic.apply.probe;

import java.io.IOException;
import java.time.Duration;

/**
 * Opens a WebSocket through nginx, checks the 101 and an echo, then stays idle longer than the OLD effective
 * {@code proxy_read_timeout}: it passes only if the tunnel is still open and echoes afterwards, which is what
 * the change was for. The upstream must echo text messages.
 */
public final class WebSocketIdleProbe implements Probe {

    private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final String path;
    private final String hostHeader;
    private final Duration oldReadTimeout;
    private final Duration margin;

    /**
     * @param oldReadTimeout the {@code proxy_read_timeout} that cut idle tunnels before the change
     * @param margin         how much longer than it to stay idle
     */
    public WebSocketIdleProbe(String host, int port, String path, String hostHeader, Duration oldReadTimeout,
            Duration margin) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.hostHeader = hostHeader;
        this.oldReadTimeout = oldReadTimeout;
        this.margin = margin;
    }

    public Duration idle() {
        return oldReadTimeout.plus(margin);
    }

    @Override
    public ProbeResult run() {
        long started = System.nanoTime();
        String name = "WebSocket ws://" + host + ":" + port + path + " idle " + idle().toMillis() + " ms";
        try (WebSocketConnection connection = WebSocketConnection.open(host, port, path, hostHeader, IO_TIMEOUT)) {
            connection.sendText("medic probe before idle");
            String first = connection.readText(IO_TIMEOUT);
            if (!first.equals("medic probe before idle")) {
                return result(name, false, "upgraded, but the upstream answered \"" + first + "\" instead of the echo",
                        started);
            }
            Thread.sleep(idle().toMillis());
            try {
                connection.sendText("medic probe after idle");
                String second = connection.readText(IO_TIMEOUT);
                return result(name, second.equals("medic probe after idle"), "upgraded to 101 and still echoing after"
                        + " " + idle().toMillis() + " ms idle (old proxy_read_timeout " + oldReadTimeout.toMillis()
                        + " ms)", started);
            } catch (IOException e) {
                return result(name, false, "the tunnel did not survive " + idle().toMillis() + " ms idle (old"
                        + " proxy_read_timeout " + oldReadTimeout.toMillis() + " ms): " + e.getMessage(), started);
            }
        } catch (IOException e) {
            return result(name, false, e.getMessage(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(name, false, "interrupted", started);
        }
    }

    private static ProbeResult result(String name, boolean passed, String detail, long started) {
        return new ProbeResult(name, passed, detail, Duration.ofNanos(System.nanoTime() - started));
    }
}

package medic.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The site's users while the incident lasts: browsers opening the live feed every 300 ms, and a client of the orders
 * API pausing {@code apiPause} between requests, longer than the backend keeps a connection idle and shorter than
 * nginx's pool does, which is when a pooled connection is reused after the backend gave up on it.
 */
final class ClientTraffic implements AutoCloseable {
    static final Duration HANDSHAKE_EVERY = Duration.ofMillis(300);

    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(2);
    final List<WebSocketClient.Outcome> handshakes = new CopyOnWriteArrayList<>();
    final List<Integer> apiStatuses = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();

    static ClientTraffic start(int nginxPort, Duration apiPause) {
        ClientTraffic traffic = new ClientTraffic();
        traffic.clients.scheduleWithFixedDelay(() -> traffic.handshakes.add(WebSocketClient.connectAndIdle(nginxPort,
                "/ws/feed", Duration.ZERO)), 0, HANDSHAKE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        traffic.clients.scheduleWithFixedDelay(() -> traffic.apiStatuses.add(PlainHttpClient.get(nginxPort,
                "/api/orders")), 0, apiPause.toMillis(), TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** Stops the clients, waiting for requests under way; the seconds it ran. */
    double stop() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(15, TimeUnit.SECONDS)) {
            throw new AssertionError("clients still busy 15 s after being stopped");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}

package medic.remote;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import medic.remote.IdleMeasurement.Outcome;

/**
 * Measures how long a backend keeps an idle HTTP/1.1 keep-alive connection open, from the nginx host (where nginx
 * pools its upstream connections): one GET with {@code Connection: keep-alive}, the whole response read, then the
 * time until the backend closes the connection, up to a cap. Rounded to the nearest 100 ms: the response and the
 * close both take the same way back, so their delays cancel, and what is left is scheduling noise.
 */
public final class IdleTimeoutProbe {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "medic-idle-probe-cap");
        thread.setDaemon(true);
        return thread;
    });

    private IdleTimeoutProbe() {
    }

    /** Probes {@code host:port} through {@code from}, giving up (closing the connection) after {@code cap}. */
    public static IdleMeasurement measure(RemoteHost from, String host, int port, Duration cap) {
        String endpoint = host + ":" + port;
        long started = System.nanoTime();
        Tunnel tunnel;
        try {
            tunnel = from.openTunnel(host, port);
        } catch (RemoteException e) {
            return new IdleMeasurement(endpoint, Outcome.FAILED, Duration.ZERO, e.getMessage());
        }
        AtomicBoolean capped = new AtomicBoolean();
        long capLeft = Math.max(1, cap.toNanos() - (System.nanoTime() - started));
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            capped.set(true);
            tunnel.close();
        }, capLeft, TimeUnit.NANOSECONDS);
        try (tunnel) {
            return probe(tunnel, host, port, capped, cap);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static IdleMeasurement probe(Tunnel tunnel, String host, int port, AtomicBoolean capped, Duration cap) {
        String endpoint = tunnel.endpoint();
        HttpResponseReader.Response response;
        InputStream in = new BufferedInputStream(tunnel.input());
        try {
            OutputStream out = tunnel.output();
            out.write(request(host, port));
            out.flush();
            response = HttpResponseReader.read(in);
        } catch (IOException | RuntimeException e) {
            String why = capped.get() ? "no complete response within " + Durations.describe(cap)
                    : "no usable HTTP response: " + e.getMessage();
            return new IdleMeasurement(endpoint, Outcome.FAILED, Duration.ZERO, why);
        }
        if (!response.keepsAlive()) {
            return new IdleMeasurement(endpoint, Outcome.NO_KEEPALIVE, Duration.ZERO, "answered \""
                    + response.statusLine() + "\" without keep-alive (Connection: " + response.connection() + ")");
        }
        long idleFrom = System.nanoTime();
        int next;
        try {
            next = in.read();
        } catch (IOException | RuntimeException e) {
            next = -1; // A reset is a close too: the backend dropped the idle connection.
        }
        Duration idle = Duration.ofMillis(((System.nanoTime() - idleFrom) / 1_000_000 + 50) / 100 * 100);
        if (capped.get()) {
            return new IdleMeasurement(endpoint, Outcome.STILL_OPEN, idle, "still open " + Durations.describe(idle)
                    + " after the response, when the probe's cap of " + Durations.describe(cap) + " ran out");
        }
        if (next >= 0) {
            return new IdleMeasurement(endpoint, Outcome.FAILED, Duration.ZERO,
                    "sent bytes after its response to one GET; not measured");
        }
        return new IdleMeasurement(endpoint, Outcome.CLOSED, idle, "closed the idle keep-alive connection "
                + Durations.describe(idle) + " after answering \"" + response.statusLine() + "\"");
    }

    private static byte[] request(String host, int port) {
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (port == 80 ? "" : ":" + port);
        return ("GET / HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: medic-idle-probe\r\nAccept: */*\r\n"
                + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}

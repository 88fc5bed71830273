package medic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback ports for tests: pick a free one, wait until a server listens on one. */
public final class Ports {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private Ports() {
    }

    /** A port on 127.0.0.1 that was free a moment ago (another process may still take it first). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback socket to find a free port", e);
        }
    }

    /**
     * Waits until 127.0.0.1:{@code port} accepts a connection; false when {@code serverAlive} turns false
     * (the server died) or the timeout passes first.
     */
    public static boolean awaitOpen(int port, Duration timeout, BooleanSupplier serverAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (serverAlive.getAsBoolean()) {
            if (accepts(port)) {
                return serverAlive.getAsBoolean();
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a port to open", e);
        }
    }
}

package medic.server;

import java.time.Duration;

/**
 * Where medic's HTTP server listens and how much it accepts.
 *
 * @param port            0 picks a free port (tests)
 * @param maxBodyBytes    largest request body of any route
 * @param shutdownTimeout how long a stop waits for requests in flight
 */
public record HttpSettings(String bind, int port, long maxBodyBytes, Duration shutdownTimeout) {
    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
    }

    /** Loopback, any free port: for tests. */
    public static HttpSettings loopback() {
        return new HttpSettings("127.0.0.1", 0, 1024 * 1024, Duration.ofSeconds(5));
    }
}

package medic.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import medic.remote.IdleMeasurement.Outcome;
import medic.testing.KeepAliveBackend;
import medic.testing.KeepAliveBackend.Style;
import medic.testing.Ports;
import org.junit.jupiter.api.Test;

/** The backend idle-timeout probe against real loopback backends, through one kind of host. */
public abstract class IdleTimeoutProbeContract {
    private static final Duration CAP = Duration.ofSeconds(20);

    /** A host that opens tunnels from where the backends are reachable. */
    protected abstract RemoteHost newHost();

    /** Measured to 100 ms; a loaded machine wakes the probe's thread late, never early. */
    private static void assertAbout(Duration expected, IdleMeasurement measured) {
        assertTrue(measured.idle().compareTo(expected.minusMillis(100)) >= 0
                && measured.idle().compareTo(expected.plusMillis(500)) <= 0, "expected about " + expected + ": "
                + measured);
    }

    @Test
    void measures_when_a_backend_closes_an_idle_keep_alive_connection() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofMillis(1500), Style.CONTENT_LENGTH);
             RemoteHost host = newHost()) {
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", backend.port(), CAP);

            assertEquals(Outcome.CLOSED, measured.outcome(), measured.detail());
            assertAbout(Duration.ofMillis(1500), measured);
            assertEquals(backend.address(), measured.endpoint());
            assertEquals(1, backend.requests());
            assertTrue(measured.detail().startsWith("closed the idle keep-alive connection "), measured.detail());
        }
    }

    @Test
    void reads_a_chunked_response_to_its_end_before_timing_the_idle_connection() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofMillis(1000), Style.CHUNKED);
             RemoteHost host = newHost()) {
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", backend.port(), CAP);

            assertEquals(Outcome.CLOSED, measured.outcome(), measured.detail());
            assertAbout(Duration.ofMillis(1000), measured);
        }
    }

    @Test
    void says_when_the_backend_does_not_keep_connections_alive() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofSeconds(30), Style.CONNECTION_CLOSE);
             RemoteHost host = newHost()) {
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", backend.port(), CAP);

            assertEquals(Outcome.NO_KEEPALIVE, measured.outcome(), measured.detail());
            assertTrue(measured.detail().contains("Connection: close"), measured.detail());
        }
    }

    @Test
    void gives_up_at_its_cap_on_a_backend_that_keeps_the_connection_longer() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofSeconds(60), Style.CONTENT_LENGTH);
             RemoteHost host = newHost()) {
            long started = System.nanoTime();
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", backend.port(),
                    Duration.ofSeconds(1));

            assertEquals(Outcome.STILL_OPEN, measured.outcome(), measured.detail());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
            assertTrue(measured.detail().contains("cap of 1s"), measured.detail());
        }
    }

    @Test
    void refuses_to_measure_what_does_not_answer_in_http() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofSeconds(30), Style.NOT_HTTP);
             RemoteHost host = newHost()) {
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", backend.port(), CAP);

            assertEquals(Outcome.FAILED, measured.outcome());
            assertTrue(measured.detail().startsWith("no usable HTTP response: not an HTTP/1.x response"),
                    measured.detail());
        }
    }

    @Test
    void names_the_backend_it_cannot_reach() {
        int closedPort = Ports.freePort();
        try (RemoteHost host = newHost()) {
            IdleMeasurement measured = IdleTimeoutProbe.measure(host, "127.0.0.1", closedPort, CAP);

            assertEquals(Outcome.FAILED, measured.outcome());
            assertTrue(measured.detail().contains("127.0.0.1:" + closedPort), measured.detail());
            assertTrue(measured.detail().startsWith(host.name() + ": tunnel to 127.0.0.1:" + closedPort),
                    measured.detail());
        }
    }
}

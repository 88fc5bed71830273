package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host that cannot be reached fails fast, as a transient error naming the host and the endpoint. */
class SshUnreachableTest {

    @TempDir
    Path directory;

    @Test
    void a_closed_port_is_unreachable_at_once() {
        int closedPort = Ports.freePort();
        SshTarget target = new SshTarget("web-9", "127.0.0.1", closedPort, SshFixtures.user(),
                SshFixtures.ed25519Key(), SshFixtures.knownHosts(directory), null, "");
        long started = System.nanoTime();

        RemoteException failure;
        try (SshHost host = SshHost.standalone(target, SshOptions.defaults())) {
            failure = assertThrows(RemoteException.class, () -> host.run("true", Duration.ofSeconds(30)));
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Cause.UNREACHABLE, failure.reason());
        assertTrue(failure.reason().isTransient());
        assertEquals("web-9", failure.host());
        assertEquals("connect", failure.step());
        assertTrue(failure.getMessage().contains("connection refused by 127.0.0.1:" + closedPort), failure.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }

    @Test
    void an_address_that_does_not_resolve_is_unreachable() {
        SshTarget target = new SshTarget("web-10", "no-such-host.invalid", 22, SshFixtures.user(),
                SshFixtures.ed25519Key(), SshFixtures.knownHosts(directory), null, "");

        try (SshHost host = SshHost.standalone(target, SshOptions.defaults())) {
            RemoteException failure = assertThrows(RemoteException.class, () -> host.run("true", Duration.ofSeconds(30)));

            assertEquals(Cause.UNREACHABLE, failure.reason());
            assertTrue(failure.getMessage().contains("no-such-host.invalid"), failure.getMessage());
        }
    }
}

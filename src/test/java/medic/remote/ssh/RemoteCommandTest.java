package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a remote command is wrapped so that the host itself ends it when it runs over time. */
class RemoteCommandTest {

    @TempDir
    Path directory;

    @Test
    void wraps_the_command_in_timeout_one_second_past_the_callers_deadline() {
        assertEquals("timeout --kill-after=2s 4s /bin/sh -c 'nginx -t'",
                RemoteCommand.wrap("nginx -t", Duration.ofMillis(2500), Duration.ofSeconds(2)));
    }

    @Test
    void quotes_the_command_as_one_argument_of_sh() {
        assertEquals("timeout --kill-after=2s 2s /bin/sh -c 'echo '\\''a b'\\'''",
                RemoteCommand.wrap("echo 'a b'", Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void refuses_a_host_without_the_timeout_program_before_running_anything() {
        Path canary = directory.resolve("ran");
        try (SshTestServer server = SshTestServer.builder(directory).environment(Map.of("PATH", "/nonexistent"))
                .start();
             SshHost host = SshHost.standalone(SshFixtures.target("bare-1", server,
                     SshFixtures.knownHosts(directory, server.knownHostsLine()), SshFixtures.ed25519Key()),
                     SshOptions.defaults())) {

            RemoteException failure = assertThrows(RemoteException.class,
                    () -> host.run("/usr/bin/touch " + canary, Duration.ofSeconds(5)));

            assertEquals(Cause.CONFIG, failure.reason());
            assertTrue(failure.getMessage().contains("coreutils"), failure.getMessage());
            assertTrue(!canary.toFile().exists(), "the command ran without a timeout");
        }
    }
}

package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import medic.remote.IdleMeasurement;
import medic.remote.IdleTimeoutProbe;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RequiresProgram;
import medic.testing.RunningNginx;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idle-timeout probe against Debian's nginx as the backend ({@code keepalive_timeout 2s}), locally and over SSH. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class IdleTimeoutProbeAgainstNginxTest {
    private static final Path FIXTURE = Path.of("src/test/resources/nginx/idle-probe");
    private static final Duration CAP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Measured to 100 ms; a loaded machine wakes the probe's thread late, never early. */
    private static void assertAbout2s(IdleMeasurement measured) {
        assertTrue(measured.idle().compareTo(Duration.ofMillis(1900)) >= 0
                && measured.idle().compareTo(Duration.ofMillis(2500)) <= 0, measured.toString());
    }

    @Test
    void measures_nginx_keepalive_timeout_of_2s_from_a_local_host_and_through_ssh() throws Exception {
        int port = Ports.freePort();
        try (RunningNginx backend = NginxHarness.installed().start(FIXTURE, "nginx.conf",
                Map.of("@PORT@", String.valueOf(port)), port);
             SshTestServer server = SshTestServer.start(dir);
             SshPool pool = new SshPool(SshOptions.defaults());
             RemoteHost local = new LocalHost("edge-local")) {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            RemoteHost overSsh = pool.host(SshFixtures.target("edge-1", server, knownHosts, SshFixtures.ed25519Key()));

            IdleMeasurement fromLocal = IdleTimeoutProbe.measure(local, "127.0.0.1", port, CAP);
            IdleMeasurement throughSsh = IdleTimeoutProbe.measure(overSsh, "127.0.0.1", port, CAP);

            assertEquals(IdleMeasurement.Outcome.CLOSED, fromLocal.outcome(), fromLocal.detail());
            assertAbout2s(fromLocal);
            assertEquals(IdleMeasurement.Outcome.CLOSED, throughSsh.outcome(), throughSsh.detail());
            assertAbout2s(throughSsh);
        }
    }
}

package medic.remote.ssh;

import java.nio.file.Path;
import medic.remote.IdleTimeoutProbeContract;
import medic.remote.RemoteHost;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The idle-timeout probe over SSH: direct-tcpip channels through a real (in-process) SSH server. */
class IdleTimeoutProbeOverSshTest extends IdleTimeoutProbeContract {
    @TempDir
    static Path directory;
    private static SshTestServer server;
    private static SshPool pool;

    @BeforeAll
    static void startServer() {
        server = SshTestServer.start(directory);
        pool = new SshPool(SshOptions.defaults());
    }

    @AfterAll
    static void stopServer() {
        pool.close();
        server.close();
    }

    @Override
    protected RemoteHost newHost() {
        Path knownHosts = SshFixtures.knownHosts(directory, server.knownHostsLine());
        return pool.host(new SshTarget("edge-1", server.host(), server.port(), SshFixtures.user(),
                SshFixtures.ed25519Key(), knownHosts, null, ""));
    }
}

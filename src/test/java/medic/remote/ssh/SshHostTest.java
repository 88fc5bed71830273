package medic.remote.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import medic.remote.RemoteHost;
import medic.remote.RemoteHostContract;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link RemoteHost} contract over SSH, against a real SSH server running real commands. */
class SshHostTest extends RemoteHostContract {

    private static Path serverDirectory;
    private static SshTestServer server;
    private static Path knownHosts;

    @BeforeAll
    static void startServer() throws IOException {
        serverDirectory = Files.createTempDirectory("medic-ssh-contract");
        server = SshTestServer.start(serverDirectory);
        knownHosts = SshFixtures.knownHosts(serverDirectory, server.knownHostsLine());
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        try (var files = Files.walk(serverDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    protected RemoteHost newHost(int outputCapBytes) {
        SshTarget target = SshFixtures.target(hostName(), server, knownHosts, SshFixtures.ed25519Key());
        return SshHost.standalone(target, SshOptions.defaults().withOutputCapBytes(outputCapBytes));
    }

    @Override
    protected String hostName() {
        return "web-1";
    }
}

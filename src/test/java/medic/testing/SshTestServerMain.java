package medic.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@link SshTestServer} outside a test, for {@code medic.bench.SshBench}:
 * {@code SshTestServerMain WORKING_DIRECTORY KNOWN_HOSTS_OUT} prints the port and serves until killed.
 */
public final class SshTestServerMain {

    private SshTestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SshTestServerMain WORKING_DIRECTORY KNOWN_HOSTS_OUT");
            System.exit(2);
        }
        SshTestServer server = SshTestServer.start(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), server.knownHostsLine() + "\n", StandardCharsets.UTF_8);
        System.out.println("port=" + server.port() + " known_hosts=" + args[1] + " user key="
                + TestResources.path("ssh/user_ed25519"));
        System.out.flush();
        Thread.currentThread().join();
    }
}

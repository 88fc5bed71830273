package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through a jump host (direct-tcpip), with the host keys of both hops verified. */
class SshJumpHostTest {

    @TempDir
    Path directory;

    private SshTestServer bastion;
    private SshTestServer web;

    @BeforeEach
    void startServers() {
        bastion = SshTestServer.start(directory, SshTestServer.JUMP_HOST_KEY);
        web = SshTestServer.start(directory);
    }

    @AfterEach
    void stopServers() {
        web.close();
        bastion.close();
    }

    @Test
    void runs_commands_and_uploads_through_the_jump_host() throws Exception {
        Path knownHosts = SshFixtures.knownHosts(directory, bastion.knownHostsLine(), web.knownHostsLine());
        Path file = directory.resolve("site.conf");

        try (SshHost host = SshHost.standalone(throughBastion(knownHosts), SshOptions.defaults())) {
            assertEquals("via bastion\n", host.run("echo via bastion", Duration.ofSeconds(10)).stdout());
            host.writeAtomically(file.toString(), "server {}\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("server {}\n", Files.readString(file));
        assertEquals(1, bastion.sessionsCreated(), "the connection did not go through the bastion");
        assertEquals(1, web.sessionsCreated());
    }

    @Test
    void targets_behind_one_jump_host_share_its_connection() {
        Path knownHosts = SshFixtures.knownHosts(directory, bastion.knownHostsLine(), web.knownHostsLine());
        SshTarget first = throughBastion(knownHosts);
        SshTarget second = new SshTarget("web-2", first.address(), first.port(), first.user(), SshFixtures.ed25519Key(),
                knownHosts, first.jump(), "");

        try (SshPool pool = new SshPool(SshOptions.defaults())) {
            pool.host(first).run("true", Duration.ofSeconds(10));
            pool.host(second).run("true", Duration.ofSeconds(10));

            assertEquals(3, pool.openConnections(), "bastion, web-1, web-2");
        }

        assertEquals(1, bastion.sessionsCreated());
        assertEquals(2, web.sessionsCreated());
    }

    @Test
    void closing_the_targets_lets_the_idle_jump_connection_go_too() throws InterruptedException {
        Path knownHosts = SshFixtures.knownHosts(directory, bastion.knownHostsLine(), web.knownHostsLine());

        try (SshPool pool = new SshPool(SshOptions.defaults().withIdleEviction(Duration.ofMillis(200)))) {
            pool.host(throughBastion(knownHosts)).run("true", Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((bastion.activeSessions() > 0 || pool.openConnections() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertEquals(0, pool.openConnections());
            assertEquals(0, bastion.activeSessions());
        }
    }

    @Test
    void still_verifies_the_target_host_key_behind_the_jump_host() {
        Path knownHosts = SshFixtures.knownHosts(directory, bastion.knownHostsLine());

        RemoteException failure = failure(knownHosts);

        assertEquals(Cause.HOST_KEY_UNKNOWN, failure.reason());
        assertEquals("web-1", failure.host());
        assertEquals("connect", failure.step());
        assertTrue(failure.getMessage().contains(SshFixtures.HOST_KEY_FINGERPRINT), failure.getMessage());
        assertEquals(1, bastion.sessionsCreated(), "the bastion should have been reached");
    }

    @Test
    void verifies_the_jump_host_key_too() {
        Path knownHosts = SshFixtures.knownHosts(directory, web.knownHostsLine());

        RemoteException failure = failure(knownHosts);

        assertEquals(Cause.HOST_KEY_UNKNOWN, failure.reason());
        assertEquals("connect via jump host bastion", failure.step());
        assertTrue(failure.getMessage().contains(SshFixtures.JUMP_HOST_KEY_FINGERPRINT), failure.getMessage());
        assertEquals(0, web.sessionsCreated(), "the target must not be contacted past an unverified jump host");
    }

    @Test
    void a_target_the_jump_host_cannot_reach_is_unreachable() {
        Path knownHosts = SshFixtures.knownHosts(directory, bastion.knownHostsLine(), web.knownHostsLine());
        web.close();

        RemoteException failure = failure(knownHosts);

        assertEquals(Cause.UNREACHABLE, failure.reason());
        assertTrue(failure.getMessage().contains("bastion"), failure.getMessage());
    }

    private RemoteException failure(Path knownHosts) {
        try (SshHost host = SshHost.standalone(throughBastion(knownHosts), SshOptions.defaults())) {
            return assertThrows(RemoteException.class, () -> host.run("true", Duration.ofSeconds(10)));
        }
    }

    private SshTarget throughBastion(Path knownHosts) {
        SshTarget jump = SshFixtures.target("bastion", bastion, knownHosts, SshFixtures.ed25519Key());
        return SshFixtures.target("web-1", web, knownHosts, SshFixtures.rsaKey()).via(jump);
    }
}

package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys are always checked against known_hosts: unknown or changed keys are refused with their fingerprint. */
class SshHostKeyTest {

    private static SshTestServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer(@TempDir Path serverDirectory) {
        server = SshTestServer.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void accepts_the_host_key_listed_in_known_hosts() {
        try (SshHost host = host(SshFixtures.knownHosts(directory, server.knownHostsLine()))) {
            assertEquals("ok\n", host.run("echo ok", Duration.ofSeconds(10)).stdout());
        }
    }

    @Test
    void accepts_a_hashed_known_hosts_entry() throws Exception {
        String line = hashed("[" + server.host() + "]:" + server.port()) + " "
                + server.knownHostsLine().split(" ", 2)[1];

        try (SshHost host = host(SshFixtures.knownHosts(directory, line))) {
            assertEquals("ok\n", host.run("echo ok", Duration.ofSeconds(10)).stdout());
        }
    }

    @Test
    void refuses_a_changed_host_key_showing_the_offered_fingerprint() {
        Path knownHosts = SshFixtures.knownHosts(directory, server.knownHostsLineWithKey(SshTestServer.JUMP_HOST_KEY));

        RemoteException failure = refusal(knownHosts);

        assertEquals(Cause.HOST_KEY_CHANGED, failure.reason());
        assertFalse(failure.reason().isTransient());
        assertTrue(failure.getMessage().contains("ssh-ed25519 " + SshFixtures.HOST_KEY_FINGERPRINT), failure.getMessage());
        assertFalse(failure.getMessage().contains(SshFixtures.JUMP_HOST_KEY_FINGERPRINT), failure.getMessage());
        assertTrue(failure.getMessage().contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'"), failure.getMessage());
    }

    @Test
    void refuses_an_unknown_host_and_says_how_to_add_it() {
        Path knownHosts = SshFixtures.knownHosts(directory);

        RemoteException failure = refusal(knownHosts);

        assertEquals(Cause.HOST_KEY_UNKNOWN, failure.reason());
        assertEquals("web-1", failure.host());
        assertEquals("connect", failure.step());
        assertTrue(failure.getMessage().contains(SshFixtures.HOST_KEY_FINGERPRINT), failure.getMessage());
        assertTrue(failure.getMessage().contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts),
                failure.getMessage());
    }

    @Test
    void treats_a_missing_known_hosts_file_as_empty() {
        RemoteException failure = refusal(directory.resolve("no-such-known_hosts"));

        assertEquals(Cause.HOST_KEY_UNKNOWN, failure.reason());
    }

    @Test
    void does_not_accept_the_key_of_the_same_address_on_another_port() {
        String otherPort = server.knownHostsLine().replace("]:" + server.port(), "]:" + (server.port() == 2222 ? 2223 : 2222));

        assertEquals(Cause.HOST_KEY_UNKNOWN, refusal(SshFixtures.knownHosts(directory, otherPort)).reason());
    }

    private RemoteException refusal(Path knownHosts) {
        try (SshHost host = host(knownHosts)) {
            return assertThrows(RemoteException.class, () -> host.run("touch refused", Duration.ofSeconds(10)));
        }
    }

    private SshHost host(Path knownHosts) {
        return SshHost.standalone(SshFixtures.target("web-1", server, knownHosts, SshFixtures.ed25519Key()),
                SshOptions.defaults());
    }

    /** A known_hosts host field hashed as {@code ssh-keygen -H} does: HMAC-SHA1 keyed with a random salt. */
    private static String hashed(String hostField) throws Exception {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(hostField.getBytes(StandardCharsets.US_ASCII));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
    }
}

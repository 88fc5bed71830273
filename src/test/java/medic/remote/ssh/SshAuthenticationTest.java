package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.SshTestServer;
import medic.testing.TestResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public-key authentication with ed25519 and RSA keys, from files or environment variables. */
class SshAuthenticationTest {

    private static SshTestServer server;
    private static Path knownHosts;

    @BeforeAll
    static void startServer(@TempDir Path serverDirectory) {
        server = SshTestServer.start(serverDirectory);
        knownHosts = SshFixtures.knownHosts(serverDirectory, server.knownHostsLine());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void logs_in_with_an_ed25519_key_file() {
        assertEquals("ok\n", echo(SshFixtures.ed25519Key(), Map.of()));
    }

    @Test
    void logs_in_with_an_rsa_pem_key_file() {
        assertEquals("ok\n", echo(SshFixtures.rsaKey(), Map.of()));
    }

    @Test
    void logs_in_with_a_key_held_in_an_environment_variable() {
        Map<String, String> environment = Map.of("MEDIC_SSH_KEY", SshFixtures.resourceText("ssh/user_rsa"));

        assertEquals("ok\n", echo(UserKey.fromEnv("MEDIC_SSH_KEY"), environment));
    }

    @Test
    void logs_in_with_an_encrypted_key_and_its_passphrase_from_the_environment() {
        UserKey key = new UserKey.KeyFile(TestResources.path("ssh/user_ed25519_protected"), "MEDIC_SSH_PASSPHRASE");

        assertEquals("ok\n", echo(key, Map.of("MEDIC_SSH_PASSPHRASE", "correct horse")));
    }

    @Test
    void logs_in_with_encrypted_openssh_key_text_from_the_environment() {
        Map<String, String> environment = Map.of("KEY", SshFixtures.resourceText("ssh/user_ed25519_protected"),
                "PASS", "correct horse");

        assertEquals("ok\n", echo(new UserKey.KeyFromEnv("KEY", "PASS"), environment));
    }

    @Test
    void a_wrong_passphrase_is_a_configuration_error_naming_the_variable() {
        UserKey key = new UserKey.KeyFile(TestResources.path("ssh/user_ed25519_protected"), "MEDIC_SSH_PASSPHRASE");

        RemoteException failure = failure(key, Map.of("MEDIC_SSH_PASSPHRASE", "battery staple"));

        assertEquals(Cause.CONFIG, failure.reason());
        assertTrue(failure.getMessage().contains("MEDIC_SSH_PASSPHRASE"), failure.getMessage());
    }

    @Test
    void refuses_a_key_the_server_does_not_authorize() {
        RemoteException failure = failure(SshFixtures.strangerKey(), Map.of());

        assertEquals(Cause.AUTH_FAILED, failure.reason());
        assertEquals("authenticate", failure.step());
        assertFalse(failure.reason().isTransient());
        assertTrue(failure.getMessage().contains("SHA256:IEztnpo8sO6CWJgufGg/impTJkQdi4Bpm5NEPbJEoRk"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("user " + SshFixtures.user()), failure.getMessage());
    }

    @Test
    void a_missing_key_file_is_a_configuration_error_naming_the_file() {
        Path missing = Path.of("/nonexistent/id_ed25519");

        RemoteException failure = failure(UserKey.file(missing), Map.of());

        assertEquals(Cause.CONFIG, failure.reason());
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }

    @Test
    void an_unset_key_variable_is_a_configuration_error_naming_it() {
        RemoteException failure = failure(UserKey.fromEnv("MEDIC_UNSET_KEY"), Map.of());

        assertEquals(Cause.CONFIG, failure.reason());
        assertTrue(failure.getMessage().contains("MEDIC_UNSET_KEY"), failure.getMessage());
    }

    private static String echo(UserKey key, Map<String, String> environment) {
        try (SshPool pool = new SshPool(SshOptions.defaults(), environment::get)) {
            return pool.host(SshFixtures.target("web-1", server, knownHosts, key)).run("echo ok", Duration.ofSeconds(10))
                    .stdout();
        }
    }

    private static RemoteException failure(UserKey key, Map<String, String> environment) {
        return assertThrows(RemoteException.class, () -> echo(key, environment));
    }
}

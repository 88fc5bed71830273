package medic.remote.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import medic.testing.SshTestServer;
import medic.testing.TestResources;

/** Targets, keys and known_hosts files for tests against {@link SshTestServer}. */
final class SshFixtures {

    /** {@code ssh-keygen -lf src/test/resources/ssh/host_ed25519.pub}, computed outside Java. */
    static final String HOST_KEY_FINGERPRINT = "SHA256:XXpZu/G7ZAZ7OM0vzwDOWOeSC8u3JUbfhOKkSrPCUl4";
    /** {@code ssh-keygen -lf src/test/resources/ssh/jump_host_ed25519.pub}. */
    static final String JUMP_HOST_KEY_FINGERPRINT = "SHA256:l50mx5PFnpnw4QB8qomI+I7/zUq5wmmO9KYGN7o5t+s";

    private SshFixtures() {
    }

    static String user() {
        return System.getProperty("user.name");
    }

    static UserKey ed25519Key() {
        return UserKey.file(TestResources.path("ssh/user_ed25519"));
    }

    static UserKey rsaKey() {
        return UserKey.file(TestResources.path("ssh/user_rsa"));
    }

    static UserKey strangerKey() {
        return UserKey.file(TestResources.path("ssh/stranger_ed25519"));
    }

    static SshTarget target(String name, SshTestServer server, Path knownHosts, UserKey key) {
        return new SshTarget(name, server.host(), server.port(), user(), key, knownHosts, null, "");
    }

    /** A known_hosts file holding {@code lines}. */
    static Path knownHosts(Path directory, String... lines) {
        try {
            Path file = Files.createTempFile(directory, "known_hosts", "");
            Files.write(file, List.of(lines), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceText(String resource) {
        try {
            return Files.readString(TestResources.path(resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

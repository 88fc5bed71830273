package medic.remote.ssh;

import java.nio.file.Path;

/** Where the private key for SSH authentication comes from; a passphrase, if any, always from the environment. */
public sealed interface UserKey {

    /** The environment variable holding the key's passphrase, or null for an unencrypted key. */
    String passphraseEnv();

    /** A key file (OpenSSH or PEM format; ed25519 or RSA). */
    record KeyFile(Path path, String passphraseEnv) implements UserKey {
        public KeyFile {
            if (path == null) {
                throw new IllegalArgumentException("key file path is missing");
            }
        }
    }

    /** A key whose OpenSSH or PEM text is the value of an environment variable (a secret store mounts it there). */
    record KeyFromEnv(String variable, String passphraseEnv) implements UserKey {
        public KeyFromEnv {
            if (variable == null || variable.isBlank()) {
                throw new IllegalArgumentException("name of the environment variable holding the key is missing");
            }
        }
    }

    static UserKey file(Path path) {
        return new KeyFile(path, null);
    }

    static UserKey fromEnv(String variable) {
        return new KeyFromEnv(variable, null);
    }
}

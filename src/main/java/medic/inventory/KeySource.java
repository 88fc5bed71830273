package medic.inventory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where medic finds the SSH private key for a host: a file on medic's machine, or an environment variable
 * holding the key text (for containers and secret stores). A passphrase, if any, always comes from an
 * environment variable, never from the inventory file.
 */
public sealed interface KeySource {
    /** The environment variable holding the key's passphrase; empty for a key without one. */
    Optional<String> passphraseEnv();

    /** A key file; relative paths in the inventory are already resolved against the inventory's directory. */
    record File(Path path, String passphraseVariable) implements KeySource {
        @Override
        public Optional<String> passphraseEnv() {
            return Optional.ofNullable(passphraseVariable);
        }
    }

    /** A key whose OpenSSH/PEM text is in an environment variable. */
    record Env(String variable, String passphraseVariable) implements KeySource {
        @Override
        public Optional<String> passphraseEnv() {
            return Optional.ofNullable(passphraseVariable);
        }
    }
}

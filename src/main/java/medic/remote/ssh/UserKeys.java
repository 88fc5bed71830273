package medic.remote.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.function.Function;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** Loads a target's private key (file or environment variable, optional passphrase) before connecting. */
final class UserKeys {

    private UserKeys() {
    }

    /**
     * The key pair, parsed and decrypted now, so a bad key is a configuration error naming its source
     * rather than an authentication failure later.
     */
    static KeyProvider load(SSHClient client, SshTarget target, Function<String, String> environment) {
        UserKey key = target.key();
        PasswordFinder passphrase = passphrase(target, environment);
        String source;
        KeyProvider provider;
        try {
            if (key instanceof UserKey.KeyFile file) {
                source = "key file " + file.path();
                if (!Files.isReadable(file.path())) {
                    throw config(target, source + " does not exist or is not readable by this user");
                }
                provider = passphrase == null ? client.loadKeys(file.path().toString())
                        : client.loadKeys(file.path().toString(), passphrase);
            } else {
                UserKey.KeyFromEnv fromEnv = (UserKey.KeyFromEnv) key;
                source = "key in environment variable " + fromEnv.variable();
                String text = environment.apply(fromEnv.variable());
                if (text == null || text.isBlank()) {
                    throw config(target, "environment variable " + fromEnv.variable() + " (the private key) is not set");
                }
                provider = client.loadKeys(text, null, passphrase);
            }
        } catch (IOException e) {
            throw config(target, "cannot read the private key: " + e.getMessage());
        }
        return resolved(target, provider, source);
    }

    private static KeyProvider resolved(SshTarget target, KeyProvider provider, String source) {
        try {
            return new net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper(
                    new KeyPair(provider.getPublic(), provider.getPrivate()));
        } catch (IOException | RuntimeException e) {
            String hint = target.key().passphraseEnv() == null
                    ? " (if the key is encrypted, name the environment variable holding its passphrase)"
                    : " (wrong passphrase in " + target.key().passphraseEnv() + "?)";
            throw config(target, "cannot load " + source + ": " + e.getMessage() + hint);
        }
    }

    private static PasswordFinder passphrase(SshTarget target, Function<String, String> environment) {
        String variable = target.key().passphraseEnv();
        if (variable == null || variable.isBlank()) {
            return null;
        }
        String value = environment.apply(variable);
        if (value == null) {
            throw config(target, "environment variable " + variable + " (the key's passphrase) is not set");
        }
        return PasswordUtils.createOneOff(value.toCharArray());
    }

    private static RemoteException config(SshTarget target, String detail) {
        return new RemoteException(target.name(), "authenticate", Cause.CONFIG, detail, null);
    }
}

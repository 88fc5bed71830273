package medic.remote.ssh;

import java.io.IOException;
import java.util.function.Function;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/** Opens an authenticated connection to a target, through its jump host if it has one, verifying every host key. */
final class SshConnector {

    // Building the algorithm lists is costly and the result is read-only: share one.
    private static final Config CONFIG = new DefaultConfig();

    private SshConnector() {
    }

    /** Connects and authenticates; the jump host's connection, if any, is leased from {@code pool}. */
    static SshConnection open(SshTarget target, SshOptions options, Function<String, String> environment,
                              SshPool pool) {
        SshConnection jump = target.jump() == null ? null : leaseJump(target, pool);
        SSHClient client = new SSHClient(CONFIG);
        try {
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
            client.setSocketFactory(NoDelaySockets.INSTANCE);
            client.setConnectTimeout(timeoutMillis);
            client.getTransport().setTimeoutMs(timeoutMillis);
            KeyProvider key = UserKeys.load(client, target, environment);
            KnownHostsVerifier verifier = KnownHostsVerifier.forTarget(target);
            client.addHostKeyVerifier(verifier);
            try {
                if (jump == null) {
                    client.connect(target.address(), target.port());
                } else {
                    client.connectVia(jump.client().newDirectConnection(target.address(), target.port()));
                }
            } catch (IOException e) {
                throw SshFailures.connect(target, verifier, e);
            }
            authenticate(target, client, key);
            Runnable releaseJump = jump == null ? () -> { } : () -> pool.release(jump);
            return new SshConnection(target, client, jump, releaseJump, options.channelsPerConnection());
        } catch (RuntimeException e) {
            closeQuietly(client);
            if (jump != null) {
                pool.release(jump);
            }
            throw e;
        }
    }

    private static SshConnection leaseJump(SshTarget target, SshPool pool) {
        try {
            return pool.lease(target.jump());
        } catch (RemoteException e) {
            throw new RemoteException(target.name(), "connect via jump host " + target.jump().name(), e.reason(),
                    e.getMessage(), e);
        }
    }

    private static void authenticate(SshTarget target, SSHClient client, KeyProvider key) {
        try {
            client.authPublickey(target.user(), key);
        } catch (UserAuthException e) {
            throw new RemoteException(target.name(), "authenticate", Cause.AUTH_FAILED, target.endpoint()
                    + " refused the key " + describeKey(target, key) + " for user " + target.user()
                    + ": add its public key to that user's ~/.ssh/authorized_keys, or fix user/key in the inventory", e);
        } catch (IOException e) {
            throw SshFailures.unreachable(target, "authenticate", e);
        }
    }

    private static String describeKey(SshTarget target, KeyProvider key) {
        String source = target.key() instanceof UserKey.KeyFile file ? "from " + file.path()
                : "from environment variable " + ((UserKey.KeyFromEnv) target.key()).variable();
        try {
            return Fingerprints.sha256(key.getPublic()) + " " + source;
        } catch (IOException e) {
            return source;
        }
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // Connecting already failed; that error is the one to report.
        }
    }
}

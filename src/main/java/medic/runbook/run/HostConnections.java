package medic.runbook.run;

import medic.inventory.HostEntry;
import medic.inventory.KeySource;
import medic.inventory.SshEndpoint;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.remote.ssh.SshPool;
import medic.remote.ssh.SshTarget;
import medic.remote.ssh.UserKey;

/** Opens the {@link RemoteHost} an inventory entry describes: a local process runner, or SSH through a shared pool. */
public final class HostConnections {
    private final SshPool pool;

    public HostConnections(SshPool pool) {
        this.pool = pool;
    }

    public RemoteHost open(HostEntry host) {
        return host.sshEndpoint().<RemoteHost>map(endpoint -> pool.host(target(endpoint)))
                .orElseGet(() -> new LocalHost(host.name()));
    }

    static SshTarget target(SshEndpoint endpoint) {
        UserKey key = endpoint.key() instanceof KeySource.File file
                ? new UserKey.KeyFile(file.path(), file.passphraseVariable())
                : new UserKey.KeyFromEnv(((KeySource.Env) endpoint.key()).variable(),
                        ((KeySource.Env) endpoint.key()).passphraseVariable());
        return new SshTarget(endpoint.name(), endpoint.address(), endpoint.port(), endpoint.user(), key,
                endpoint.knownHostsFile(), endpoint.jump() == null ? null : target(endpoint.jump()),
                endpoint.sudoPrefix());
    }
}

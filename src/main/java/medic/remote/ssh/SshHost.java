package medic.remote.ssh;

import java.time.Duration;
import java.util.function.Function;

import medic.remote.CommandResult;
import medic.remote.RemoteException;
import medic.remote.RemoteHost;
import medic.remote.Tunnel;

/**
 * A host reached over SSH (SSHJ): verified host keys, public-key authentication, optionally through a jump
 * host, on a connection kept open in an {@link SshPool} between calls.
 */
public final class SshHost implements RemoteHost {

    private final SshTarget target;
    private final SshPool pool;
    private final boolean ownsPool;

    /** A host on a shared pool; {@link #close()} closes this host's connection only. */
    public SshHost(SshTarget target, SshPool pool) {
        this(target, pool, false);
    }

    private SshHost(SshTarget target, SshPool pool, boolean ownsPool) {
        this.target = target;
        this.pool = pool;
        this.ownsPool = ownsPool;
    }

    /** A host with a pool of its own, for one-off use (a CLI call); {@link #close()} closes the pool. */
    public static SshHost standalone(SshTarget target, SshOptions options) {
        return new SshHost(target, new SshPool(options), true);
    }

    public SshTarget target() {
        return target;
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public CommandResult run(String command, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return onConnection("run", connection -> RemoteCommand.run(connection, command, timeout, pool.options()));
    }

    @Override
    public byte[] read(String path, long maxBytes) {
        return onConnection("read", connection -> SftpFiles.read(connection, path, maxBytes));
    }

    @Override
    public void writeAtomically(String path, byte[] content) {
        onConnection("write", connection -> {
            SftpFiles.writeAtomically(connection, path, content);
            return null;
        });
    }

    @Override
    public Tunnel openTunnel(String host, int port) {
        String step = "tunnel to " + host + ":" + port;
        for (int attempt = 1; ; attempt++) {
            SshConnection connection = pool.lease(target);
            try {
                // The lease keeps the connection out of idle eviction until the tunnel closes.
                return new SshTunnel(connection.openTunnel(host, port, step), host + ":" + port,
                        () -> pool.release(connection));
            } catch (StaleConnection e) {
                pool.discard(connection);
                pool.release(connection);
                if (attempt == 2) {
                    throw SshFailures.unreachable(target, step, e.getCause());
                }
            } catch (RuntimeException e) {
                pool.release(connection);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (ownsPool) {
            pool.close();
        } else {
            pool.closeConnectionTo(target);
        }
    }

    private <T> T onConnection(String step, Function<SshConnection, T> work) {
        for (int attempt = 1; ; attempt++) {
            SshConnection connection = pool.lease(target);
            try {
                return work.apply(connection);
            } catch (StaleConnection e) {
                // Nothing ran yet, so one more try on a fresh connection is safe (sshd restarted, say).
                pool.discard(connection);
                if (attempt == 2) {
                    throw SshFailures.unreachable(target, step, e.getCause());
                }
            } catch (RemoteException e) {
                // A failed channel on a live connection leaves the other channels on it alone.
                if (!connection.alive()) {
                    pool.discard(connection);
                }
                throw e;
            } finally {
                pool.release(connection);
            }
        }
    }
}

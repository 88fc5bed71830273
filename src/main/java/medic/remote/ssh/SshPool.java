package medic.remote.ssh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import medic.MedicException;

/**
 * Keeps one SSH connection per target open between commands (a handshake costs far more than a command)
 * and closes the ones left idle longer than {@link SshOptions#idleEviction()}. Share one pool per process.
 */
public final class SshPool implements AutoCloseable {

    private static final class Entry {
        SshConnection connection;
    }

    private final SshOptions options;
    private final Function<String, String> environment;
    private final Map<SshTarget, Entry> entries = new HashMap<>();
    private final ScheduledExecutorService evictor;
    private boolean closed;

    /** A pool reading key variables from the process environment. */
    public SshPool(SshOptions options) {
        this(options, System::getenv);
    }

    /** A pool resolving key and passphrase variables through {@code environment}. */
    public SshPool(SshOptions options, Function<String, String> environment) {
        this.options = options;
        this.environment = environment;
        this.evictor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "medic-ssh-idle-eviction");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, Math.min(1000, options.idleEviction().toMillis() / 4));
        evictor.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
    }

    public SshOptions options() {
        return options;
    }

    /** A host on this pool; closing it closes its connection, not the pool. */
    public SshHost host(SshTarget target) {
        return new SshHost(target, this);
    }

    /** Connections open now, leased or idle. */
    public synchronized int openConnections() {
        return (int) entries.values().stream().filter(entry -> entry.connection != null).count();
    }

    /** The target's open connection (connecting if there is none), reserved until {@link #release}. */
    SshConnection lease(SshTarget target) {
        Entry entry;
        synchronized (this) {
            requireOpen();
            entry = entries.computeIfAbsent(target, key -> new Entry());
        }
        // One connect per target at a time; other targets connect in parallel.
        synchronized (entry) {
            SshConnection broken = null;
            synchronized (this) {
                SshConnection current = entry.connection;
                if (current != null && current.alive()) {
                    current.leases++;
                    return current;
                }
                if (current != null) {
                    entry.connection = null;
                    current.closeWhenReleased = true;
                    broken = current.leases == 0 ? current : null;
                }
            }
            if (broken != null) {
                broken.close();
            }
            SshConnection fresh = SshConnector.open(target, options, environment, this);
            synchronized (this) {
                if (closed) {
                    fresh.close();
                    requireOpen();
                }
                entry.connection = fresh;
                fresh.leases++;
                return fresh;
            }
        }
    }

    void release(SshConnection connection) {
        boolean close;
        synchronized (this) {
            connection.leases--;
            connection.idleSinceNanos = System.nanoTime();
            close = connection.leases == 0 && (connection.closeWhenReleased || options.idleEviction().isZero());
            if (close) {
                forget(connection);
            }
        }
        if (close) {
            connection.close();
        }
    }

    /** Drops a connection that broke; its current users get errors, the next lease reconnects. */
    void discard(SshConnection connection) {
        synchronized (this) {
            forget(connection);
        }
        connection.close();
    }

    /** Closes the target's connection now, or when its last user releases it. */
    void closeConnectionTo(SshTarget target) {
        SshConnection toClose = null;
        synchronized (this) {
            Entry entry = entries.get(target);
            if (entry != null && entry.connection != null) {
                SshConnection connection = entry.connection;
                entry.connection = null;
                connection.closeWhenReleased = true;
                toClose = connection.leases == 0 ? connection : null;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    @Override
    public void close() {
        List<SshConnection> open = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Entry entry : entries.values()) {
                if (entry.connection != null) {
                    open.add(entry.connection);
                    entry.connection = null;
                }
            }
        }
        evictor.shutdownNow();
        open.forEach(SshConnection::close);
    }

    private void evictIdle() {
        List<SshConnection> idle = new ArrayList<>();
        long now = System.nanoTime();
        long idleNanos = options.idleEviction().toNanos();
        synchronized (this) {
            for (Entry entry : entries.values()) {
                SshConnection connection = entry.connection;
                if (connection != null && connection.leases == 0
                        && (now - connection.idleSinceNanos >= idleNanos || !connection.alive())) {
                    entry.connection = null;
                    idle.add(connection);
                }
            }
        }
        idle.forEach(SshConnection::close);
    }

    private void forget(SshConnection connection) {
        Entry entry = entries.get(connection.target());
        if (entry != null && entry.connection == connection) {
            entry.connection = null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new MedicException("the SSH connection pool is closed; no new commands can start");
        }
    }
}

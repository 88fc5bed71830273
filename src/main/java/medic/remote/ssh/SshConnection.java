package medic.remote.ssh;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * One authenticated SSH connection to a target, with a cap on concurrent channels: OpenSSH refuses
 * channels past its MaxSessions (10 by default). Through a jump host, it holds a lease on the jump's
 * pooled connection (tunnels are not sessions, so many targets share one jump connection).
 */
final class SshConnection implements AutoCloseable {

    /** A channel permit; closing it frees the place for a waiting command. */
    interface ChannelSlot extends AutoCloseable {
        @Override
        void close();
    }

    private final SshTarget target;
    private final SSHClient client;
    private final SshConnection jump;
    private final Runnable releaseJump;
    private final Semaphore channels;
    private final int channelsPerConnection;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean timeoutProgramChecked;

    // Guarded by the pool's lock.
    int leases;
    long idleSinceNanos = System.nanoTime();
    boolean closeWhenReleased;

    /**
     * @param jump        the pooled connection this one tunnels through, or null
     * @param releaseJump gives the jump connection back to its pool when this one closes
     */
    SshConnection(SshTarget target, SSHClient client, SshConnection jump, Runnable releaseJump, int maxChannels) {
        this.target = target;
        this.client = client;
        this.jump = jump;
        this.releaseJump = releaseJump;
        this.channels = new Semaphore(maxChannels, true);
        this.channelsPerConnection = maxChannels;
    }

    SshTarget target() {
        return target;
    }

    SSHClient client() {
        return client;
    }

    /**
     * A new session channel, retrying until {@code deadlineNanos} while the server refuses one: OpenSSH
     * frees a finished session a moment after confirming its close, so a busy connection briefly sees
     * "no more sessions" even below MaxSessions.
     *
     * @throws StaleConnection when the connection broke while it sat in the pool (nothing ran yet)
     */
    Session openSession(String step, long deadlineNanos) {
        return open(client::startSession, step, deadlineNanos);
    }

    /** A new SFTP channel, with the same retries as {@link #openSession}. */
    SFTPClient openSftp(String step, long deadlineNanos) {
        return open(client::newSFTPClient, step, deadlineNanos);
    }

    /**
     * A direct-tcpip channel: the server connects to {@code host:port} and relays. Not a session, so it takes no
     * channel place (OpenSSH's MaxSessions does not count tunnels).
     *
     * @throws StaleConnection when the connection broke while it sat in the pool
     */
    DirectConnection openTunnel(String host, int port, String step) {
        try {
            return client.newDirectConnection(host, port);
        } catch (OpenFailException e) {
            if (!alive()) {
                throw new StaleConnection(e);
            }
            boolean refused = e.getReason() == OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED;
            throw new RemoteException(target.name(), step, refused ? Cause.CONFIG : Cause.UNREACHABLE, refused
                    ? "the SSH server refused to open a tunnel (" + e.getMessage() + "); allow it with"
                            + " AllowTcpForwarding yes (or local) in the host's sshd_config for medic's user"
                    : "the SSH server could not connect to " + host + ":" + port + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (!alive()) {
                throw new StaleConnection(e);
            }
            throw new RemoteException(target.name(), step, Cause.UNREACHABLE, "opening a tunnel to " + host + ":"
                    + port + " failed: " + e.getMessage(), e);
        }
    }

    private interface ChannelOpener<T> {
        T open() throws IOException;
    }

    private <T> T open(ChannelOpener<T> opener, String step, long deadlineNanos) {
        long pauseMillis = 2;
        while (true) {
            try {
                return opener.open();
            } catch (OpenFailException e) {
                if (!alive()) {
                    throw new StaleConnection(e);
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) > deadlineNanos) {
                    throw new RemoteException(target.name(), step, Cause.TIMEOUT, "the server kept refusing a new"
                            + " channel (" + e.getMessage() + "); if its MaxSessions is below "
                            + channelsPerConnection + ", lower channelsPerConnection", e);
                }
                pause(pauseMillis);
                pauseMillis = Math.min(100, pauseMillis * 2);
            } catch (IOException | IllegalStateException e) {
                throw new StaleConnection(e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StaleConnection(e);
        }
    }

    boolean alive() {
        return client.isConnected() && client.isAuthenticated() && (jump == null || jump.alive());
    }

    /** A channel place, waiting until {@code deadlineNanos}; null when none freed up in time. */
    ChannelSlot acquireChannel(long deadlineNanos) throws InterruptedException {
        if (!channels.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return null;
        }
        return channels::release;
    }

    boolean timeoutProgramChecked() {
        return timeoutProgramChecked;
    }

    void markTimeoutProgramChecked() {
        timeoutProgramChecked = true;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Closing a connection that already broke: nothing left to release.
        } finally {
            releaseJump.run();
        }
    }
}

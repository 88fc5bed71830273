package medic.remote;

import java.time.Duration;

/**
 * The one boundary to a machine running nginx: run a shell command, read or atomically replace a file, open a
 * TCP tunnel from it.
 * Implementations: over SSH (verified host keys), or local processes when medic runs on the nginx host.
 * Every failure is a {@link RemoteException} naming the host, the step and the cause.
 */
public interface RemoteHost extends AutoCloseable {
    /** The inventory name of the host, for messages. */
    String name();

    /**
     * Runs {@code command} through {@code /bin/sh -c} and waits at most {@code timeout}; on timeout the
     * remote process is ended too. Output beyond the implementation's cap is cut and marked truncated.
     */
    CommandResult run(String command, Duration timeout);

    /** Reads a whole file (at most {@code maxBytes}; more is an error naming the file). */
    byte[] read(String path, long maxBytes);

    /** Replaces {@code path} atomically: the content goes to a temporary name beside it, then is renamed. */
    void writeAtomically(String path, byte[] content);

    /**
     * Opens a TCP connection from this host to {@code host:port} (the address as this host resolves it), e.g. to
     * probe a backend nginx proxies to. Implementations that cannot do this refuse with a CONFIG failure.
     */
    default Tunnel openTunnel(String host, int port) {
        throw new RemoteException(name(), "tunnel to " + host + ":" + port, RemoteException.Cause.CONFIG,
                "this kind of host cannot open tunnels", null);
    }

    @Override
    void close();
}

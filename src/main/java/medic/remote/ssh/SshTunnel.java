package medic.remote.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import medic.remote.Tunnel;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

/** A {@link Tunnel} over a direct-tcpip channel of a pooled connection, which it gives back when closed. */
final class SshTunnel implements Tunnel {
    private final DirectConnection channel;
    private final String endpoint;
    private final Runnable releaseConnection;
    private final AtomicBoolean closed = new AtomicBoolean();

    SshTunnel(DirectConnection channel, String endpoint, Runnable releaseConnection) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.releaseConnection = releaseConnection;
    }

    @Override
    public InputStream input() {
        return channel.getInputStream();
    }

    @Override
    public OutputStream output() {
        return channel.getOutputStream();
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            // The far end or the connection already closed it.
        } finally {
            releaseConnection.run();
        }
    }
}

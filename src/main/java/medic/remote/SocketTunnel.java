package medic.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import medic.remote.RemoteException.Cause;

/** A {@link Tunnel} that is a plain socket: medic runs on the nginx host and connects from there itself. */
final class SocketTunnel implements Tunnel {
    private final Socket socket;
    private final String endpoint;

    private SocketTunnel(Socket socket, String endpoint) {
        this.socket = socket;
        this.endpoint = endpoint;
    }

    static SocketTunnel open(String hostName, String host, int port, Duration connectTimeout) {
        String endpoint = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new SocketTunnel(socket, endpoint);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Connecting failed; that is the error to report.
            }
            throw new RemoteException(hostName, "tunnel to " + endpoint, Cause.UNREACHABLE,
                    "cannot connect to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream input() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("socket to " + endpoint + " has no input stream", e);
        }
    }

    @Override
    public OutputStream output() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException("socket to " + endpoint + " has no output stream", e);
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already broken: nothing left to release.
        }
    }
}

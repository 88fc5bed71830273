package medic.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test backend's listening socket on 127.0.0.1: each accepted connection is served on its own daemon thread,
 * and closing it closes the listener and every connection still open.
 */
final class LoopbackAcceptor implements AutoCloseable {
    private final ServerSocket server;
    private final Connection connection;
    private final String name;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();

    /** What a backend does with one connection; the socket is closed after it returns or throws. */
    interface Connection {
        void serve(Socket socket) throws IOException;
    }

    private LoopbackAcceptor(ServerSocket server, String name, Connection connection) {
        this.server = server;
        this.name = name;
        this.connection = connection;
    }

    /** Listens on a free loopback port; threads are named {@code name-backend} and {@code name-connection}. */
    static LoopbackAcceptor start(String name, Connection connection) throws IOException {
        LoopbackAcceptor acceptor = new LoopbackAcceptor(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()),
                name, connection);
        Thread thread = new Thread(acceptor::accept, name + "-backend");
        thread.setDaemon(true);
        thread.start();
        return acceptor;
    }

    /** Closes {@code socket} with a reset instead of a FIN (SO_LINGER 0), leaving whatever was sent unread. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), name + "-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            connection.serve(socket);
        } catch (IOException e) {
            // the peer went away
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}

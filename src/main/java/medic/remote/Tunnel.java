package medic.remote;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A TCP connection opened from the nginx host to another address (over SSH: a direct-tcpip channel), as a pair of
 * streams. Reading returns -1 once the far end closed; closing the tunnel ends a blocked read.
 */
public interface Tunnel extends AutoCloseable {
    InputStream input();

    OutputStream output();

    /** {@code host:port} as the nginx host connected to it, for messages. */
    String endpoint();

    @Override
    void close();
}

package medic.server;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What medic started, closed in reverse order; a part that fails to close is logged and the rest still close. */
final class Shutdown implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private record Part(String name, AutoCloseable closeable) {
    }

    private final Deque<Part> parts = new ArrayDeque<>();

    /** Registers {@code closeable} to be closed before everything registered earlier; returns it. */
    <T extends AutoCloseable> T add(String name, T closeable) {
        parts.push(new Part(name, closeable));
        return closeable;
    }

    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                LOG.warn("stopping {}: {}", part.name(), e.toString());
            }
        }
    }
}

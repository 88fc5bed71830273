package medic.remote;

import java.time.Duration;

/**
 * What probing one backend's keep-alive idle timeout found.
 *
 * @param endpoint the backend as probed, {@code host:port}
 * @param idle     how long the idle connection stayed open: when CLOSED, until the backend closed it; when
 *                 STILL_OPEN, at least this long; zero otherwise
 * @param detail   what happened, in words, for the run's record
 */
public record IdleMeasurement(String endpoint, Outcome outcome, Duration idle, String detail) {

    /** How the probe ended. */
    public enum Outcome {
        /** The backend closed the idle keep-alive connection after {@code idle}. */
        CLOSED,
        /** The backend answered without keep-alive (Connection: close, or HTTP/1.0). */
        NO_KEEPALIVE,
        /** The connection was still open when the probe's cap ran out. */
        STILL_OPEN,
        /** No usable answer: the backend was unreachable, did not speak HTTP, or did not answer in time. */
        FAILED
    }

    /** True when {@code idle} is the backend's idle timeout, measured. */
    public boolean measured() {
        return outcome == Outcome.CLOSED;
    }
}

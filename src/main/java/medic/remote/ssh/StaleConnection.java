package medic.remote.ssh;

/** A pooled connection turned out broken before anything ran on it; the caller may retry on a new one. */
final class StaleConnection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StaleConnection(Exception cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized Exception getCause() {
        return (Exception) super.getCause();
    }
}

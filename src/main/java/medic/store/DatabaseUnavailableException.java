package medic.store;

/**
 * The database cannot be opened: unsupported or malformed URL, server unreachable, login refused, file locked.
 * The message is one line naming the URL (password hidden) and what to do.
 */
public final class DatabaseUnavailableException extends StoreException {
    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

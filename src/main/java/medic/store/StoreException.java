package medic.store;

import medic.MedicException;

/** A database operation of medic's store failed; the message names the operation and the database's reason. */
public class StoreException extends MedicException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

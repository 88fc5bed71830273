package medic.apply;

import medic.MedicException;

/** An approval or apply step could not be carried out; the message names the host, change and what to do. */
public class ApplyException extends MedicException {
    public ApplyException(String message) {
        super(message);
    }

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}

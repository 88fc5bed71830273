package medic;

/** Root of every exception medic throws on purpose: the message is written for the person who reads it. */
public class MedicException extends RuntimeException {
    public MedicException(String message) {
        super(message);
    }

    public MedicException(String message, Throwable cause) {
        super(message, cause);
    }
}

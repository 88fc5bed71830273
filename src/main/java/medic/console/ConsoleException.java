package medic.console;

import medic.MedicException;

/** A console request medic cannot take, with what to do instead; shown to the person as it is. */
public final class ConsoleException extends MedicException {
    public ConsoleException(String message) {
        super(message);
    }
}

package medic.alert;

import medic.MedicException;

/**
 * A webhook body medic will not accept; the message starts with the field at fault, e.g.
 * {@code alerts[3].startsAt: not an RFC 3339 time}, and is returned to the sender as the 400's error.
 */
public class PayloadException extends MedicException {
    public PayloadException(String message) {
        super(message);
    }
}

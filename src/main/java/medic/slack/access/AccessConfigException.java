package medic.slack.access;

import medic.MedicException;

/** A permission setting medic refuses at start-up: it names the setting, the bad value and what to put instead. */
public final class AccessConfigException extends MedicException {
    public AccessConfigException(String message) {
        super(message);
    }
}

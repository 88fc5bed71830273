package medic.server;

import medic.MedicException;

/** Settings medic refuses to start with; the message is one line naming the setting and what to do. */
public class SettingsException extends MedicException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}

package medic.slack.access;

import medic.MedicException;

/** A user group's members could not be read from Slack; the message says why and is shown in the denial. */
public final class GroupLookupException extends MedicException {
    public GroupLookupException(String message) {
        super(message);
    }

    public GroupLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}

package medic.schedule;

import medic.MedicException;

/** The scheduler could not start, schedule or stop; the message names the job and the reason. */
public final class ScheduleException extends MedicException {
    public ScheduleException(String message) {
        super(message);
    }

    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}

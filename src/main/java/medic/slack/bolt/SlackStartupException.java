package medic.slack.bolt;

import medic.MedicException;

/** Slack refused medic at start-up (bad token, unreachable API); the message is one line naming the setting. */
public class SlackStartupException extends MedicException {
    public SlackStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

package medic.slack.command;

import java.util.List;
import medic.slack.access.Decision;
import medic.slack.SlackMessage;

/**
 * The texts medic answers slash commands and clicks with. {@code request} is what was asked as people read it
 * ({@code diagnose web-1}, {@code approve incident 42}).
 */
public interface Replies {

    SlackMessage help(String command);

    /** A command medic could not use: {@code problem} says what is wrong and what exists. */
    SlackMessage unusable(String command, String problem);

    /** The immediate acknowledgement while the work runs. */
    SlackMessage accepted(String request);

    SlackMessage denied(String request, Decision decision);

    SlackMessage outcome(String request, Outcome outcome);

    SlackMessage status(List<IncidentStatus> incidents);

    SlackMessage history(String host, List<HistoryEntry> entries);

    /** The work failed; {@code reason} is already written for people (no stack traces). */
    SlackMessage failed(String request, String reason);

    /** The same person asked the same a moment ago; the repeat is ignored for {@code window}. */
    SlackMessage repeated(String request, java.time.Duration window);

    /** Medic's workers are all busy and the request was not queued. */
    SlackMessage busy(String request);

    /** A button value medic did not write (tampered, or from an older version): nothing was done. */
    SlackMessage foreignButton(String problem);
}

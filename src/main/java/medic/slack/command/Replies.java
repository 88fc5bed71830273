package medic.slack.command;

import java.time.Duration;
import java.util.List;
import medic.slack.SlackMessage;
import medic.slack.access.Decision;

/**
 * The messages medic answers slash commands and clicks with. {@code request} is what was asked as people read it
 * ({@code diagnose web-1}, {@code approve incident 42}). Every error says what to do next.
 */
public interface Replies {

    SlackMessage help();

    /** A subcommand medic does not know ({@code given} as typed). */
    SlackMessage unknownSubcommand(String given);

    /** A host the inventory does not know, with close matches and the hosts it does know. */
    SlackMessage unknownHost(String given, List<String> closeMatches, List<String> knownHosts);

    /** A command with wrong arguments: {@code problem} says what is wrong and what is expected. */
    SlackMessage unusable(String problem);

    /** The immediate acknowledgement while the work runs. */
    SlackMessage accepted(String request);

    SlackMessage denied(String request, Decision decision);

    SlackMessage outcome(String request, Outcome outcome);

    SlackMessage status(List<IncidentStatus> incidents);

    SlackMessage history(String host, List<HistoryEntry> entries);

    /** The work failed; {@code reason} is already written for people (no stack traces). */
    SlackMessage failed(String request, String reason);

    /** The same person asked the same a moment ago; the repeat is ignored for {@code window}. */
    SlackMessage repeated(String request, Duration window);

    /** Medic's workers are all busy and the request was not queued. */
    SlackMessage busy(String request);

    /** A button value medic did not write (tampered, or from an older version): nothing was done. */
    SlackMessage foreignButton(String problem);
}

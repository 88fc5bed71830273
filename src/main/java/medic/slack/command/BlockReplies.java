package medic.slack.command;

import java.time.Duration;
import java.util.List;
import medic.slack.SlackMessage;
import medic.slack.access.Decision;
import medic.slack.message.CommandReplies;
import medic.slack.message.IncidentSummary;
import medic.slack.message.MessageTemplates;

/**
 * {@link Replies} as Block Kit messages (medic.slack.message's builders and templates/command.txt), each with its
 * words as the fallback text for notifications and screen readers, and within Slack's limits whatever the input.
 */
public final class BlockReplies implements Replies {

    private final CommandReplies messages;

    /** @param command the slash command as registered with Slack, e.g. {@code /medic} */
    public BlockReplies(MessageTemplates templates, String command) {
        this.messages = new CommandReplies(templates, command);
    }

    @Override
    public SlackMessage help() {
        return messages.help();
    }

    @Override
    public SlackMessage unknownSubcommand(String given) {
        return messages.unknownSubcommand(given);
    }

    @Override
    public SlackMessage unknownHost(String given, List<String> closeMatches, List<String> knownHosts) {
        return messages.unknownHost(given, closeMatches, knownHosts);
    }

    @Override
    public SlackMessage unusable(String problem) {
        return messages.unusable(problem);
    }

    @Override
    public SlackMessage accepted(String request) {
        return messages.accepted(request);
    }

    @Override
    public SlackMessage denied(String request, Decision decision) {
        return messages.refused(request, decision.reason());
    }

    @Override
    public SlackMessage outcome(String request, Outcome outcome) {
        return messages.outcome(request, outcome.done(), outcome.summary());
    }

    @Override
    public SlackMessage status(List<IncidentStatus> incidents) {
        return messages.status(incidents.stream().map(incident -> new IncidentSummary(incident.incidentId(),
                incident.host(), incident.upstream(), incident.state(), incident.openedAt())).toList());
    }

    @Override
    public SlackMessage history(String host, List<HistoryEntry> entries) {
        return messages.history(host, entries.stream().map(entry -> new medic.slack.message.HistoryEntry(entry.at(),
                entry.actor(), entry.event(), entry.detail())).toList());
    }

    @Override
    public SlackMessage failed(String request, String reason) {
        return messages.failed(request, reason);
    }

    @Override
    public SlackMessage repeated(String request, Duration window) {
        return messages.repeated(request, window);
    }

    @Override
    public SlackMessage busy(String request) {
        return messages.busy(request);
    }

    @Override
    public SlackMessage foreignButton(String problem) {
        return messages.foreignButton(problem);
    }
}

package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import medic.slack.SlackMessage;

/** Replies to the slash command: help, status, history, accepted diagnoses, and helpful errors. */
public final class CommandReplies {
    static final int ITEMS = 15;
    static final int HOSTS = 40;
    private static final Map<String, String> USAGE = Map.of("diagnose", "diagnose <host>",
            "history", "history <host>", "rollback", "rollback <change-id>");
    private final MessageTemplates templates;
    private final String command;

    /** @param command the slash command as configured in the Slack app, e.g. {@code /medic} */
    public CommandReplies(MessageTemplates templates, String command) {
        this.templates = templates;
        this.command = command == null || command.isBlank() ? "/medic" : Truncation.fitPlain(command.strip(), 40);
    }

    public SlackMessage help() {
        return single(templates.mrkdwn("command.help", vars("command", command)));
    }

    /** Open incidents, newest first as given; at most 15 listed. */
    public SlackMessage status(List<IncidentSummary> open) {
        if (open.isEmpty()) {
            return single(templates.mrkdwn("command.status.none", vars()));
        }
        String items = open.stream().limit(ITEMS).map(i -> templates.mrkdwn("command.status.item", vars(
                "id", i.incidentId(), "host", ThreadReplies.clip(i.host()),
                "upstream", i.upstream() == null ? "" : "\u2192 " + ThreadReplies.clip(i.upstream()),
                "state", StateLine.label(i.state()), "opened", SlackText.time(i.openedAt()))).text())
                .collect(Collectors.joining("\n")) + more(open.size());
        return single(templates.mrkdwn("command.status", vars("count", open.size(), "incidents", Mrkdwn.trusted(items))));
    }

    /** A host's recent incidents and changes, newest first as given. */
    public SlackMessage history(String host, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return single(templates.mrkdwn("command.history.none", vars("host", ThreadReplies.clip(host))));
        }
        String items = entries.stream().limit(ITEMS).map(e -> templates.mrkdwn("command.history.item", vars(
                "at", SlackText.time(e.at()), "incident", e.incidentId(), "event", ThreadReplies.clip(e.event()),
                "actor", SlackText.user(e.actorId()),
                "detail", e.detail() == null ? "" : Truncation.fitPlain(e.detail().strip(), 150))).text())
                .collect(Collectors.joining("\n")) + more(entries.size());
        return single(templates.mrkdwn("command.history", vars("host", ThreadReplies.clip(host),
                "count", entries.size(), "entries", Mrkdwn.trusted(items))));
    }

    public SlackMessage diagnoseAccepted(String host, String userId) {
        return single(templates.mrkdwn("command.diagnose.accepted", vars("host", ThreadReplies.clip(host),
                "user", SlackText.user(userId))));
    }

    public SlackMessage unknownSubcommand(String given) {
        return single(templates.mrkdwn("command.unknown_subcommand", vars("given", Truncation.fitPlain(
                given == null ? "" : given.strip(), 80), "command", command)));
    }

    /** A subcommand given without its argument (diagnose, history, rollback). */
    public SlackMessage missingArgument(String subcommand) {
        return single(templates.mrkdwn("command.missing_argument", vars("subcommand", subcommand,
                "usage", USAGE.getOrDefault(subcommand, subcommand), "command", command)));
    }

    /** A host the inventory does not know, with the hosts it does (at most 40 named). */
    public SlackMessage unknownHost(String given, List<String> knownHosts) {
        String name = Truncation.fitPlain(given == null ? "" : given.strip(), 80);
        if (knownHosts.isEmpty()) {
            return single(templates.mrkdwn("command.unknown_host.empty_inventory", vars("given", name)));
        }
        String hosts = knownHosts.stream().sorted().limit(HOSTS).map(h -> Mrkdwn.code(Truncation.fitPlain(h, 60)).text())
                .collect(Collectors.joining(", ")) + (knownHosts.size() > HOSTS ? ", \u2026" : "");
        return single(templates.mrkdwn("command.unknown_host", vars("given", name, "hosts", Mrkdwn.trusted(hosts),
                "count", knownHosts.size())));
    }

    /** The user may not do {@code action} (e.g. "diagnose", "approve changes") in this channel. */
    public SlackMessage refused(String action, String userId) {
        return single(templates.mrkdwn("command.refused", vars("action", Truncation.fitPlain(action, 80),
                "user", SlackText.user(userId))));
    }

    private String more(int total) {
        return total > ITEMS ? "\n" + templates.mrkdwn("command.more", vars("count", total - ITEMS)).text() : "";
    }

    private static SlackMessage single(Mrkdwn text) {
        return new BlockList().section(text).build(text);
    }
}

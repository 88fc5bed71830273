package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import medic.slack.SlackMessage;

/**
 * Answers to the slash command and to clicks, as Block Kit with the same words as fallback text: help, status,
 * history, what medic did or refused, and errors that say what to do. Every text from outside is escaped and cut.
 */
public final class CommandReplies {
    static final int ITEMS = 15;
    static final int HOSTS = 40;
    private static final int REQUEST = 200;
    private static final int REASON = 1500;
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
                "upstream", i.upstream() == null || i.upstream().isBlank() ? ""
                        : "\u2192 " + ThreadReplies.clip(i.upstream()),
                "state", Truncation.fitPlain(String.valueOf(i.state()), 60), "opened", SlackText.time(i.openedAt())))
                .text()).collect(Collectors.joining("\n")) + more(open.size());
        return single(templates.mrkdwn("command.status", vars("count", open.size(), "incidents", Mrkdwn.trusted(items))));
    }

    /** A host's recent incidents and changes, newest first as given. */
    public SlackMessage history(String host, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return single(templates.mrkdwn("command.history.none", vars("host", ThreadReplies.clip(host))));
        }
        String items = entries.stream().limit(ITEMS).map(e -> templates.mrkdwn("command.history.item", vars(
                "at", SlackText.time(e.at()), "event", ThreadReplies.clip(e.event()), "actor", SlackText.user(e.actorId()),
                "detail", e.detail() == null || e.detail().isBlank() ? ""
                        : ": " + Truncation.fitPlain(e.detail().strip(), 150))).text())
                .collect(Collectors.joining("\n")) + more(entries.size());
        return single(templates.mrkdwn("command.history", vars("host", ThreadReplies.clip(host),
                "count", entries.size(), "entries", Mrkdwn.trusted(items))));
    }

    /** The immediate answer while the work of {@code request} (e.g. {@code diagnose web-1}) runs. */
    public SlackMessage accepted(String request) {
        return single(templates.mrkdwn("command.accepted", vars("request", request(request))));
    }

    /**
     * What medic did ({@code done}) or why not. {@code summary} is medic's own sentence: user and channel mentions
     * medic wrote in it ({@code <@U123>}, {@code <#C123>}) stay mentions, anything else is escaped.
     */
    public SlackMessage outcome(String request, boolean done, String summary) {
        Mrkdwn text = Mrkdwn.escapedKeepingMentions(Truncation.fitPlain(summary, REASON));
        return single(done ? templates.mrkdwn("command.done", vars("summary", text))
                : templates.mrkdwn("command.not_done", vars("request", request(request), "summary", text)));
    }

    /** The work failed; {@code reason} is written for people (a MedicException's message, or an error id). */
    public SlackMessage failed(String request, String reason) {
        return single(templates.mrkdwn("command.failed", vars("request", request(request),
                "reason", Truncation.fitPlain(reason == null ? "unknown" : reason, REASON))));
    }

    public SlackMessage unknownSubcommand(String given) {
        return single(templates.mrkdwn("command.unknown_subcommand", vars("given", Truncation.fitPlain(
                given == null ? "" : given.strip(), 80), "command", command)));
    }

    /** A command with wrong arguments; {@code problem} says what is expected (medic's text, code spans kept). */
    public SlackMessage unusable(String problem) {
        return single(templates.mrkdwn("command.unusable", vars("problem", Truncation.fitPlain(problem, REASON),
                "command", command)));
    }

    /** A host the inventory does not know: the close matches, then the hosts it does know (at most 40 named). */
    public SlackMessage unknownHost(String given, List<String> closeMatches, List<String> knownHosts) {
        String name = Truncation.fitPlain(given == null ? "" : given.strip(), 80);
        if (knownHosts.isEmpty()) {
            return single(templates.mrkdwn("command.unknown_host.empty_inventory", vars("given", name)));
        }
        Mrkdwn close = closeMatches.isEmpty() ? Mrkdwn.trusted("") : Mrkdwn.trusted(" " + templates.mrkdwn(
                "command.unknown_host.close", vars("hosts", hostList(closeMatches.stream().limit(3).toList()))).text());
        return single(templates.mrkdwn("command.unknown_host", vars("given", name, "close", close,
                "hosts", hostList(knownHosts), "count", knownHosts.size())));
    }

    /** {@code request} is not allowed for this user here; {@code reason} says what is missing and whom to ask. */
    public SlackMessage refused(String request, String reason) {
        return single(templates.mrkdwn("command.refused", vars("request", request(request),
                "reason", Mrkdwn.escapedKeepingMentions(Truncation.fitPlain(reason, REASON)))));
    }

    /** The same person asked the same within {@code window}; the repeat is ignored. */
    public SlackMessage repeated(String request, Duration window) {
        return single(templates.mrkdwn("command.repeated", vars("request", request(request),
                "window", SlackText.span(window))));
    }

    public SlackMessage busy(String request) {
        return single(templates.mrkdwn("command.busy", vars("request", request(request))));
    }

    /** A button value medic did not write (tampered, or from an older version): nothing was done. */
    public SlackMessage foreignButton(String problem) {
        return single(templates.mrkdwn("command.foreign_button", vars("problem",
                Truncation.fitPlain(problem == null ? "unreadable" : problem, 300))));
    }

    /** To whoever asked for the diagnosis: it is in the thread, with what it found and proposes. */
    public SlackMessage diagnosed(String host, long incidentId, int findings, String proposalSummary,
                                  Instant approvalExpires) {
        Mrkdwn proposal = proposalSummary == null ? templates.mrkdwn("command.diagnosed.nothing", vars())
                : templates.mrkdwn("command.diagnosed.proposal", vars("expires", SlackText.time(approvalExpires),
                        "summary", Truncation.fitPlain(proposalSummary, REASON)));
        return single(templates.mrkdwn("command.diagnosed", vars("host", ThreadReplies.clip(host),
                "incident", incidentId, "findings", findings, "proposal", proposal)));
    }

    /** To whoever asked for the diagnosis: the runbook failed, and why. */
    public SlackMessage diagnosisFailed(String host, long incidentId, String reason) {
        return single(templates.mrkdwn("command.diagnosis_failed", vars("host", ThreadReplies.clip(host),
                "incident", incidentId, "reason", Truncation.fitPlain(reason == null ? "unknown" : reason, REASON))));
    }

    private static Mrkdwn hostList(List<String> hosts) {
        return Mrkdwn.trusted(hosts.stream().sorted().limit(HOSTS).map(h -> Mrkdwn.code(Truncation.fitPlain(h, 60))
                .text()).collect(Collectors.joining(", ")) + (hosts.size() > HOSTS ? ", \u2026" : ""));
    }

    private static String request(String request) {
        return Truncation.fitPlain(request == null ? "" : request.strip(), REQUEST);
    }

    private String more(int total) {
        return total > ITEMS ? "\n" + templates.mrkdwn("command.more", vars("count", total - ITEMS)).text() : "";
    }

    private static SlackMessage single(Mrkdwn text) {
        return new BlockList().section(text).build(text);
    }
}

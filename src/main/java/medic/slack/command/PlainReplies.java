package medic.slack.command;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import medic.slack.SlackMessage;
import medic.slack.access.Decision;

/** Plain-text replies (no blocks), until the Block Kit layouts of medic.slack.message take their place. */
public final class PlainReplies implements Replies {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** An alert storm can open hundreds of incidents; a reply lists the newest and counts the rest. */
    static final int STATUS_LINES = 30;

    @Override
    public SlackMessage help(String command) {
        return SlackMessage.plain(String.join("\n",
                "*" + command + "* asks medic about nginx upstream resets:",
                "`" + command + " diagnose <host>`: run the diagnosis runbook on an inventory host",
                "`" + command + " status`: the open incidents",
                "`" + command + " history <host>`: the host's latest audit entries",
                "`" + command + " rollback <change-id>`: restore the files a change replaced",
                "`" + command + " help`: this text"));
    }

    @Override
    public SlackMessage unusable(String command, String problem) {
        return SlackMessage.plain(problem + "\nType `" + command + " help` for what medic understands.");
    }

    @Override
    public SlackMessage accepted(String request) {
        return SlackMessage.plain("Working on `" + request + "`...");
    }

    @Override
    public SlackMessage denied(String request, Decision decision) {
        return SlackMessage.plain("Not allowed: `" + request + "`: " + decision.reason());
    }

    @Override
    public SlackMessage outcome(String request, Outcome outcome) {
        return SlackMessage.plain((outcome.done() ? "" : "Not done: `" + request + "`: ") + outcome.summary());
    }

    @Override
    public SlackMessage status(List<IncidentStatus> incidents) {
        if (incidents.isEmpty()) {
            return SlackMessage.plain("No open incidents.");
        }
        String listed = incidents.stream().limit(STATUS_LINES).map(incident -> "#" + incident.incidentId() + " "
                        + incident.host() + " upstream " + incident.upstream() + ": " + incident.state() + " since "
                        + WHEN.format(incident.openedAt()))
                .collect(Collectors.joining("\n"));
        int more = incidents.size() - STATUS_LINES;
        return SlackMessage.plain(incidents.size() + " open incident" + (incidents.size() == 1 ? "" : "s") + ":\n"
                + listed + (more > 0 ? "\n... and " + more + " more (newest first above)" : ""));
    }

    @Override
    public SlackMessage history(String host, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return SlackMessage.plain("No history for " + host + " yet.");
        }
        return SlackMessage.plain("History of " + host + " (newest first):\n" + entries.stream()
                .map(entry -> WHEN.format(entry.at()) + "  " + actor(entry.actor()) + "  " + entry.event()
                        + (entry.detail().isEmpty() ? "" : ": " + entry.detail()))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public SlackMessage failed(String request, String reason) {
        return SlackMessage.plain("`" + request + "` failed: " + reason);
    }

    @Override
    public SlackMessage repeated(String request, Duration window) {
        return SlackMessage.plain("You asked for `" + request + "` a moment ago and medic is on it; the same "
                + "request within " + words(window) + " counts once.");
    }

    @Override
    public SlackMessage busy(String request) {
        return SlackMessage.plain("medic is busy and did not queue `" + request + "`; try again in a minute.");
    }

    @Override
    public SlackMessage foreignButton(String problem) {
        return SlackMessage.plain("medic did nothing: this button's value is not one medic wrote (" + problem
                + "). Use the buttons on medic's latest message.");
    }

    private static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + " seconds";
    }

    private static String actor(String actor) {
        return actor.matches("[UW][A-Z0-9]{2,20}") ? "<@" + actor + ">" : actor;
    }
}

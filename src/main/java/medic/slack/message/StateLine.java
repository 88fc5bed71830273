package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import medic.slack.message.IncidentState.Applied;
import medic.slack.message.IncidentState.Applying;
import medic.slack.message.IncidentState.ApprovalExpired;
import medic.slack.message.IncidentState.Approved;
import medic.slack.message.IncidentState.AwaitingApproval;
import medic.slack.message.IncidentState.Diagnosing;
import medic.slack.message.IncidentState.Failed;
import medic.slack.message.IncidentState.Rejected;
import medic.slack.message.IncidentState.Resolved;
import medic.slack.message.IncidentState.RolledBack;
import medic.slack.message.IncidentState.Snoozed;

/** The one line of the parent message that says where the incident stands (templates incident.state.*). */
final class StateLine {
    static final int MAX_REASON = 500;
    private final MessageTemplates templates;

    StateLine(MessageTemplates templates) {
        this.templates = templates;
    }

    Mrkdwn render(IncidentState state, String host, boolean hasProposal) {
        if (state instanceof Diagnosing s) {
            return t("diagnosing", "host", host, "since", SlackText.time(s.since()));
        }
        if (state instanceof AwaitingApproval s) {
            return hasProposal ? t("awaiting", "expires", SlackText.time(s.expiresAt())) : t("nothing_to_apply");
        }
        if (state instanceof Approved s) {
            return t("approved", "approver", SlackText.user(s.approverId()), "at", SlackText.time(s.at()));
        }
        if (state instanceof Applying s) {
            return t("applying", "approver", SlackText.user(s.approverId()), "host", host);
        }
        if (state instanceof Applied s) {
            return t("applied", "approver", SlackText.user(s.approverId()), "change", clip(s.changeId()),
                    "at", SlackText.time(s.at()));
        }
        if (state instanceof RolledBack s) {
            return s.byUserId() == null ? t("rolled_back_automatically", "reason", clip(s.reason()))
                    : t("rolled_back", "reason", clip(s.reason()), "by", SlackText.user(s.byUserId()));
        }
        if (state instanceof Failed s) {
            return t("failed", "reason", clip(s.reason()));
        }
        if (state instanceof Rejected s) {
            return t("rejected", "user", SlackText.user(s.userId()), "reason", clip(s.reason()));
        }
        if (state instanceof Snoozed s) {
            return t("snoozed", "user", SlackText.user(s.userId()), "until", SlackText.time(s.until()));
        }
        if (state instanceof Resolved s) {
            return t("resolved", "at", SlackText.time(s.at()));
        }
        if (state instanceof ApprovalExpired s) {
            return t("expired", "at", SlackText.time(s.at()));
        }
        throw new IllegalArgumentException("no state line for " + state);
    }

    /** A short name of the state for the notification text and /medic status. */
    static String label(IncidentState state) {
        String name = state.getClass().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private Mrkdwn t(String name, Object... values) {
        return templates.mrkdwn("incident.state." + name, vars(values));
    }

    static String clip(String text) {
        if (text == null || text.isBlank()) {
            return "(no reason given)";
        }
        String line = text.strip();
        return line.length() <= MAX_REASON ? line : Truncation.head(line, MAX_REASON) + "\u2026";
    }
}

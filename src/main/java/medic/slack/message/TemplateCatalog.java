package medic.slack.message;

import static medic.slack.message.TemplateSpec.mrkdwn;
import static medic.slack.message.TemplateSpec.plain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every template medic's messages use, with the placeholders each may use ({@code !} marks those it must
 * use). templates/README.md documents the same list for people who edit the files.
 */
final class TemplateCatalog {
    static final List<TemplateSpec> ALL = List.of(
            // templates/incident.txt: the parent message of an incident
            plain("incident.header", "!host", "upstream"),
            mrkdwn("incident.context", "!incident", "alert", "severity", "opened"),
            mrkdwn("incident.state.diagnosing", "host", "since"),
            mrkdwn("incident.state.awaiting", "expires"),
            mrkdwn("incident.state.nothing_to_apply"),
            mrkdwn("incident.state.approved", "!approver", "at"),
            mrkdwn("incident.state.applying", "approver", "host"),
            mrkdwn("incident.state.applied", "approver", "change", "at"),
            mrkdwn("incident.state.rolled_back", "!reason", "by"),
            mrkdwn("incident.state.rolled_back_automatically", "!reason"),
            mrkdwn("incident.state.failed", "!reason"),
            mrkdwn("incident.state.rejected", "!user", "!reason"),
            mrkdwn("incident.state.snoozed", "user", "!until"),
            mrkdwn("incident.state.resolved", "at"),
            mrkdwn("incident.state.expired", "at"),
            mrkdwn("incident.evidence", "failures", "total", "lines", "locations", "window"),
            mrkdwn("incident.evidence.no_log"),
            mrkdwn("incident.evidence.failure", "count", "failure"),
            mrkdwn("incident.evidence.location", "count", "location"),
            mrkdwn("incident.log_lines", "!lines", "count"),
            mrkdwn("incident.nginx_test.passed"),
            mrkdwn("incident.nginx_test.failed", "output"),
            mrkdwn("incident.nginx_test.not_run"),
            mrkdwn("incident.findings", "!count", "!findings"),
            mrkdwn("incident.findings.none"),
            mrkdwn("incident.finding", "severity", "rule", "where", "title", "message"),
            mrkdwn("incident.findings.more", "!count"),
            mrkdwn("incident.proposal.inline", "summary", "!diff"),
            mrkdwn("incident.proposal.attached", "summary", "preview", "file"),
            mrkdwn("incident.proposal.none", "summary"),
            plain("incident.proposal.omitted", "!count"),
            mrkdwn("incident.note", "!note"),
            mrkdwn("incident.fallback", "!host", "upstream", "state"),
            plain("incident.file_comment", "host", "summary"),
            // templates/buttons.txt
            plain("buttons.approve"),
            plain("buttons.approve.confirm.title", "host"),
            mrkdwn("buttons.approve.confirm.text", "host", "summary"),
            plain("buttons.approve.confirm.yes"),
            plain("buttons.approve.confirm.no"),
            plain("buttons.reject"),
            plain("buttons.rerun"),
            plain("buttons.snooze"),
            plain("buttons.rollback"),
            // templates/thread.txt: replies in an incident's thread
            mrkdwn("thread.step.succeeded", "step", "kind", "exit", "elapsed"),
            mrkdwn("thread.step.failed", "step", "kind", "exit", "elapsed", "reason"),
            mrkdwn("thread.step.skipped", "step", "kind"),
            mrkdwn("thread.step.awaiting_approval", "step", "kind", "expires"),
            mrkdwn("thread.step.output", "!output"),
            mrkdwn("thread.repeats", "!count", "host", "alert", "first", "last"),
            mrkdwn("thread.resolved", "alert", "at"),
            // templates/apply.txt: approved changes being applied, verified, rolled back
            plain("apply.kind.drift_check"),
            plain("apply.kind.backup"),
            plain("apply.kind.upload"),
            plain("apply.kind.nginx_test"),
            plain("apply.kind.reload"),
            plain("apply.kind.verify"),
            plain("apply.kind.restore"),
            mrkdwn("apply.step.started", "!step", "host"),
            mrkdwn("apply.step.succeeded", "!step", "host", "elapsed", "detail"),
            mrkdwn("apply.step.failed", "!step", "host", "elapsed", "detail"),
            mrkdwn("apply.step.output", "!output", "step"),
            mrkdwn("apply.verify.passed", "host", "count"),
            mrkdwn("apply.verify.failed", "host", "count", "failed"),
            mrkdwn("apply.verify.probe.passed", "!probe", "detail", "elapsed"),
            mrkdwn("apply.verify.probe.failed", "!probe", "detail", "elapsed"),
            mrkdwn("apply.refused", "host", "!reason"),
            // templates/notice.txt: channel notices outside any incident
            mrkdwn("notice.unknown_host", "alert", "!labels", "snippet", "inventory"),
            mrkdwn("notice.unknown_host.label", "name", "value"),
            mrkdwn("notice.unknown_host.fallback", "alert"),
            // templates/command.txt: /medic replies
            mrkdwn("command.help", "command"),
            mrkdwn("command.status", "!count", "!incidents"),
            mrkdwn("command.status.none"),
            mrkdwn("command.status.item", "id", "host", "upstream", "state", "opened"),
            mrkdwn("command.history", "!host", "!count", "!entries"),
            mrkdwn("command.history.none", "!host"),
            mrkdwn("command.history.item", "at", "event", "actor", "detail"),
            mrkdwn("command.more", "!count"),
            mrkdwn("command.accepted", "!request"),
            mrkdwn("command.done", "!summary"),
            mrkdwn("command.not_done", "request", "!summary"),
            mrkdwn("command.failed", "request", "!reason"),
            mrkdwn("command.unknown_subcommand", "!given", "command"),
            mrkdwn("command.unusable", "!problem", "command"),
            mrkdwn("command.unknown_host", "!given", "!hosts", "count", "close"),
            mrkdwn("command.unknown_host.close", "!hosts"),
            mrkdwn("command.unknown_host.empty_inventory", "!given"),
            mrkdwn("command.refused", "request", "!reason"),
            mrkdwn("command.repeated", "!request", "window"),
            mrkdwn("command.busy", "!request"),
            mrkdwn("command.foreign_button", "problem"),
            mrkdwn("command.diagnosed", "!host", "incident", "findings", "!proposal"),
            mrkdwn("command.diagnosed.proposal", "expires", "!summary"),
            mrkdwn("command.diagnosed.nothing"),
            mrkdwn("command.diagnosis_failed", "!host", "incident", "!reason"));

    private TemplateCatalog() {
    }

    static Map<String, TemplateSpec> byName() {
        Map<String, TemplateSpec> specs = new LinkedHashMap<>();
        ALL.forEach(spec -> specs.put(spec.name(), spec));
        return specs;
    }
}

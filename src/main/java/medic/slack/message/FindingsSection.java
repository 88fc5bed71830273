package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.List;
import java.util.Map;
import medic.nginx.diagnosis.Finding;
import medic.nginx.redact.Redactor;

/** The findings part of the parent message: most serious first, as many as fit, then "and N more". */
final class FindingsSection {
    static final int MAX_SHOWN = 8;
    static final int BUDGET = 2700;
    private static final Redactor REDACTOR = new Redactor();
    private final MessageTemplates templates;

    FindingsSection(MessageTemplates templates) {
        this.templates = templates;
    }

    void addTo(BlockList blocks, List<Finding> findings) {
        if (findings.isEmpty()) {
            blocks.section(templates.mrkdwn("incident.findings.none", Map.of()));
            return;
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (Finding finding : findings) {
            String line = line(finding);
            if (count == MAX_SHOWN || count > 0 && shown.length() + line.length() + 1 > BUDGET) {
                break;
            }
            shown.append(count == 0 ? "" : "\n").append(line);
            count++;
        }
        if (count < findings.size()) {
            shown.append('\n').append(templates.mrkdwn("incident.findings.more",
                    vars("count", findings.size() - count)).text());
        }
        blocks.section(templates.mrkdwn("incident.findings", vars("count", findings.size(),
                "findings", Mrkdwn.trusted(shown.toString()))));
    }

    private String line(Finding finding) {
        String message = StateLine.clip(REDACTOR.redactText(finding.message() == null ? "" : finding.message()).text())
                .replace('\n', ' ');
        return templates.mrkdwn("incident.finding", vars(
                "severity", finding.severity().name(),
                "rule", Truncation.fitPlain(String.valueOf(finding.rule()), 40),
                "where", Truncation.fitPlain(finding.where(), 160),
                "title", Truncation.fitPlain(String.valueOf(finding.title()), 200),
                "message", Truncation.fitPlain(message, 400))).text();
    }
}

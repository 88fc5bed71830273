package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import medic.nginx.LogStats;
import medic.nginx.log.FailureClass;

/** The evidence part of the parent message: failures per class, top locations, latest log lines, nginx -t. */
final class EvidenceSection {
    static final int FAILURE_CLASSES = 6;
    static final int LOCATIONS = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final MessageTemplates templates;

    EvidenceSection(MessageTemplates templates) {
        this.templates = templates;
    }

    void addTo(BlockList blocks, DiagnosisView view) {
        blocks.section(summary(view.log()), 1500);
        if (!view.logLines().isEmpty()) {
            Mrkdwn lines = CodeBlock.of(String.join("\n", view.logLines()), 1200, DiagnosisView.LOG_LINES,
                    n -> "\u2026 " + n + " more");
            blocks.section(templates.mrkdwn("incident.log_lines", vars("lines", lines, "count",
                    view.logLines().size())), 1400);
        }
        blocks.section(nginxTest(view.nginxTest()), 1100);
    }

    private Mrkdwn summary(LogStats log) {
        if (log == null) {
            return templates.mrkdwn("incident.evidence.no_log", Map.of());
        }
        String failures = log.failures().entrySet().stream()
                .sorted(Map.Entry.<FailureClass, Long>comparingByValue().reversed()).limit(FAILURE_CLASSES)
                .map(e -> templates.mrkdwn("incident.evidence.failure",
                        vars("count", e.getValue(), "failure", e.getKey().label())).text())
                .collect(Collectors.joining("\n"));
        String locations = log.locations().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(LOCATIONS)
                .map(e -> templates.mrkdwn("incident.evidence.location",
                        vars("count", e.getValue(), "location", Truncation.fitPlain(e.getKey(), 120))).text())
                .collect(Collectors.joining("\n"));
        String window = log.first() == null || log.last() == null ? ""
                : ", " + WHEN.format(log.first()) + " to " + WHEN.format(log.last());
        return templates.mrkdwn("incident.evidence", vars("failures", Mrkdwn.trusted(failures),
                "total", log.upstreamFailures(), "lines", log.lines(),
                "locations", Mrkdwn.trusted(locations), "window", window));
    }

    private Mrkdwn nginxTest(DiagnosisView.NginxTest test) {
        return switch (test.verdict()) {
            case PASSED -> templates.mrkdwn("incident.nginx_test.passed", Map.of());
            case NOT_RUN -> templates.mrkdwn("incident.nginx_test.not_run", Map.of());
            case FAILED -> templates.mrkdwn("incident.nginx_test.failed", vars("output",
                    CodeBlock.of(test.output().isBlank() ? "(no output)" : test.output(), 900, 12,
                            n -> "\u2026 " + n + " more lines")));
        };
    }
}

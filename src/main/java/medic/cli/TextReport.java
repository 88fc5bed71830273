package medic.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import medic.nginx.Diagnosis;
import medic.nginx.LogStats;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;

/** The diagnosis for people at a terminal: summary, findings most serious first, then the proposed diff. */
final class TextReport {
    private static final String RESET = "\u001b[0m";
    /** Each severity's name padded to eight columns, made once: String.format per finding shows on 10,000. */
    private static final Map<Severity, String> SEVERITY_COLUMN = new EnumMap<>(Severity.class);

    static {
        for (Severity severity : Severity.values()) {
            SEVERITY_COLUMN.put(severity, String.format("%-8s", severity.name()));
        }
    }

    private final boolean color;

    TextReport(boolean color) {
        this.color = color;
    }

    String render(Diagnosis diagnosis) {
        boolean proposed = !diagnosis.proposal().isEmpty();
        CompletableFuture<List<String>> diff = CompletableFuture.supplyAsync(() ->
                RedactedReport.diffs(proposed ? List.of(diagnosis.proposal().unifiedDiff()) : List.of()));
        String findings = findingsSection(diagnosis.findings(), true);
        return render(diagnosis, findings, Background.joined(diff));
    }

    /**
     * The part that depends only on the findings, redacted (on the common pool too when {@code parallel}):
     * their count by severity and each finding. {@link #render(Diagnosis, String)} puts it in its place.
     */
    String findingsSection(List<Finding> findings, boolean parallel) {
        if (findings.isEmpty()) {
            return "No findings: nothing in this config explains upstream resets.\n";
        }
        StringBuilder out = new StringBuilder();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        findings.forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
        out.append(bold(plural(findings.size(), "finding"))).append(": ").append(bySeverity.entrySet().stream()
                .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "))).append("\n\n");
        for (RedactedReport.RedactedFinding finding : RedactedReport.findings(findings, parallel)) {
            renderFinding(out, finding);
        }
        return out.toString();
    }

    /** The whole report around a {@link #findingsSection} of the diagnosis's findings. */
    String render(Diagnosis diagnosis, String findingsSection) {
        boolean proposed = !diagnosis.proposal().isEmpty();
        return render(diagnosis, findingsSection,
                RedactedReport.diffs(proposed ? List.of(diagnosis.proposal().unifiedDiff()) : List.of()));
    }

    private String render(Diagnosis diagnosis, String findingsSection, List<String> redactedDiff) {
        StringBuilder out = new StringBuilder(findingsSection.length() + 2 * diagnosis.proposal().unifiedDiff().length()
                + 4096);
        var config = diagnosis.config();
        out.append(bold("medic diagnose")).append(": ").append(config.tree().relative(config.tree().mainPath()))
                .append(" (").append(plural(config.tree().files().size(), "file")).append("), nginx ")
                .append(config.version()).append(config.versionKnown() ? "" : " (assumed; pass --nginx-version)")
                .append('\n');
        if (diagnosis.log() != null) {
            renderLog(out, diagnosis.log());
        }
        for (String note : diagnosis.notes()) {
            out.append(dim("note: " + note)).append('\n');
        }
        out.append('\n').append(findingsSection);
        if (diagnosis.findings().isEmpty()) {
            return out.toString();
        }
        if (!redactedDiff.isEmpty()) {
            out.append(bold("Proposed change")).append(" (apply with patch -p1 from ")
                    .append(config.tree().baseDir()).append(", then nginx -t):\n");
            for (String line : redactedDiff.get(0).split("\n", -1)) {
                out.append(diffColor(line)).append('\n');
            }
        }
        return out.toString();
    }

    private void renderLog(StringBuilder out, LogStats log) {
        out.append("error log: ").append(plural(log.lines(), "line")).append(", ")
                .append(plural(log.upstreamFailures(), "upstream failure"));
        if (log.unreadable() > 0) {
            out.append(", ").append(log.unreadable()).append(" unreadable (skipped)");
        }
        out.append('\n');
        // Ties keep a fixed order (class declaration, location name): the stats hold unordered maps.
        log.failures().entrySet().stream().sorted(Map.Entry.<medic.nginx.log.FailureClass, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append("  ").append(String.format("%6d", e.getValue())).append("  ")
                        .append(e.getKey().label()).append('\n'));
        log.locations().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(5)
                .forEach(e -> out.append("  served by ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        log.bursts().forEach(b -> out.append("  burst: ").append(b).append('\n'));
    }

    private void renderFinding(StringBuilder out, RedactedReport.RedactedFinding redacted) {
        Finding f = redacted.finding();
        out.append(severity(f.severity())).append("  ").append(bold(f.rule())).append("  ").append(f.where())
                .append("  ").append(f.title()).append('\n');
        out.append("      ").append(redacted.message()).append('\n');
        if (f.effective() != null) {
            out.append(dim("      now:      ")).append(redacted.effective()).append('\n');
        }
        if (f.defaultValue() != null) {
            out.append(dim("      default:  ")).append(f.defaultValue()).append('\n');
        }
        for (String line : redacted.evidence()) {
            out.append(dim("      evidence: ")).append(line).append('\n');
        }
        if (!f.fix().isEmpty()) {
            out.append(dim("      fix:      ")).append(f.fix()).append('\n');
        }
        out.append('\n');
    }

    private String severity(Severity s) {
        String text = SEVERITY_COLUMN.get(s);
        String code = switch (s) {
            case CRITICAL, HIGH -> "\u001b[1;31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
        };
        return color ? code + text + RESET : text;
    }

    private String diffColor(String line) {
        if (!color) {
            return line;
        }
        if (line.startsWith("+++") || line.startsWith("---")) {
            return bold(line);
        }
        if (line.startsWith("+")) {
            return "\u001b[32m" + line + RESET;
        }
        if (line.startsWith("-")) {
            return "\u001b[31m" + line + RESET;
        }
        return line.startsWith("@@") ? "\u001b[36m" + line + RESET : line;
    }

    private String bold(String text) {
        return color ? "\u001b[1m" + text + RESET : text;
    }

    private String dim(String text) {
        return color ? "\u001b[2m" + text + RESET : text;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

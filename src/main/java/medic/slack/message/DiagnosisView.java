package medic.slack.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import medic.nginx.Diagnosis;
import medic.nginx.LogStats;
import medic.nginx.diagnosis.Finding;
import medic.nginx.redact.Redactor;
import medic.runbook.StepKind;
import medic.runbook.run.RunResult;
import medic.runbook.run.StepResult;

/**
 * What the parent message shows of a diagnosis, already redacted: the log summary and its latest lines, the
 * {@code nginx -t} verdict, findings most serious first, and the proposal (summary, diff, sha256 of the
 * unredacted unified diff that approval binds to; null when there is nothing to apply).
 */
public record DiagnosisView(LogStats log, List<String> logLines, NginxTest nginxTest, List<Finding> findings,
                            String proposalSummary, String proposalDiff, String proposalSha256, List<String> notes) {
    static final int LOG_LINES = 3;
    private static final Redactor REDACTOR = new Redactor();

    /** How {@code nginx -t} judged the config as it was, with its (redacted) output. */
    public record NginxTest(Verdict verdict, String output) {
        /** Passed, failed, or no such step ran. */
        public enum Verdict { PASSED, FAILED, NOT_RUN }
    }

    public DiagnosisView {
        logLines = List.copyOf(logLines);
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        notes = List.copyOf(notes);
    }

    /** From a finished runbook run that produced a diagnosis. */
    public static DiagnosisView of(RunResult run) {
        if (run.diagnosis() == null) {
            throw new IllegalArgumentException("the run produced no diagnosis (" + run.failure() + ")");
        }
        return of(run.diagnosis(), run.steps());
    }

    /** From a diagnosis and the steps of the run that made it (for the log lines and the nginx -t verdict). */
    public static DiagnosisView of(Diagnosis diagnosis, List<StepResult> steps) {
        String diff = diagnosis.proposal().unifiedDiff();
        String sha = diagnosis.proposal().isEmpty() ? null : sha256(diff);
        return new DiagnosisView(diagnosis.log(), logLines(steps), nginxTest(steps), diagnosis.findings(),
                diagnosis.proposal().summary(), REDACTOR.redactText(diff).text(), sha,
                diagnosis.notes().stream().map(n -> REDACTOR.redactText(n).text()).toList());
    }

    /** Lowercase hex sha256 of the text's UTF-8 bytes: what Approve buttons carry (see ActionValue). */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> logLines(List<StepResult> steps) {
        List<String> lines = new ArrayList<>();
        for (StepResult step : steps) {
            if (step.kind() == StepKind.ERROR_LOG && step.stdout() != null) {
                step.stdout().lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).stream()
                .map(l -> REDACTOR.redactLog(l).text()).toList();
    }

    private static NginxTest nginxTest(List<StepResult> steps) {
        for (StepResult step : steps) {
            if (step.kind() == StepKind.NGINX_TEST && step.status() != StepResult.Status.SKIPPED) {
                String output = REDACTOR.redactText((step.stderr() == null ? "" : step.stderr())
                        + (step.stdout() == null ? "" : step.stdout())).text().strip();
                return new NginxTest(step.status() == StepResult.Status.SUCCEEDED ? NginxTest.Verdict.PASSED
                        : NginxTest.Verdict.FAILED, output);
            }
        }
        return new NginxTest(NginxTest.Verdict.NOT_RUN, "");
    }
}

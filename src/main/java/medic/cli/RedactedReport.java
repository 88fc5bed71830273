package medic.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.redact.Redactor;

/**
 * The texts of a diagnosis that reports print, redacted: every finding's message, current value and evidence,
 * and the diff texts the report shows. A config broken everywhere has thousands of findings, so the findings
 * are redacted in parallel and the diffs beside them; the order of findings and diffs stays as given.
 */
record RedactedReport(List<RedactedFinding> findings, List<String> diffs) {
    private static final Redactor REDACTOR = new Redactor();

    /** One finding with its redacted texts; the other fields carry no secrets and are printed from the finding. */
    record RedactedFinding(Finding finding, String message, String effective, List<String> evidence) {
    }

    static RedactedReport of(Diagnosis diagnosis, List<String> diffTexts) {
        CompletableFuture<List<String>> diffs = CompletableFuture.supplyAsync(() ->
                diffTexts.stream().map(RedactedReport::text).toList());
        List<RedactedFinding> findings = diagnosis.findings().parallelStream().map(RedactedReport::redacted).toList();
        return new RedactedReport(findings, join(diffs));
    }

    private static RedactedFinding redacted(Finding f) {
        return new RedactedFinding(f, text(f.message()), f.effective() == null ? null : text(f.effective()),
                f.evidence().stream().map(e -> REDACTOR.redactLog(e).text()).toList());
    }

    private static String text(String text) {
        return REDACTOR.redactText(text).text();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

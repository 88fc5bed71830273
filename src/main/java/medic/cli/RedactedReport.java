package medic.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.redact.Redactor;

/**
 * The texts of a diagnosis that reports print, redacted: every finding's message, current value and evidence,
 * and the diff texts the report shows. A config broken everywhere has ten thousand findings but only a few
 * hundred distinct texts (rules repeat their wording per location), so each distinct text is redacted once,
 * in parallel, and the diffs beside them; the order of findings and diffs stays as given.
 */
record RedactedReport(List<RedactedFinding> findings, List<String> diffs) {
    private static final Redactor REDACTOR = new Redactor();

    /** One finding with its redacted texts; the other fields carry no secrets and are printed from the finding. */
    record RedactedFinding(Finding finding, String message, String effective, List<String> evidence) {
    }

    static RedactedReport of(Diagnosis diagnosis, List<String> diffTexts) {
        CompletableFuture<List<String>> diffs = CompletableFuture.supplyAsync(() ->
                diffTexts.stream().map(RedactedReport::text).toList());
        List<Finding> all = diagnosis.findings();
        Set<String> texts = new LinkedHashSet<>();
        Set<String> logLines = new LinkedHashSet<>();
        for (Finding f : all) {
            texts.add(f.message());
            if (f.effective() != null) {
                texts.add(f.effective());
            }
            logLines.addAll(f.evidence());
        }
        // The redactor is pure, so one text redacted once reads the same as the same text redacted each time.
        Map<String, String> text = redactedOnce(texts, RedactedReport::text);
        Map<String, String> log = redactedOnce(logLines, line -> REDACTOR.redactLog(line).text());
        List<RedactedFinding> findings = new ArrayList<>(all.size());
        for (Finding f : all) {
            findings.add(new RedactedFinding(f, text.get(f.message()), f.effective() == null ? null
                    : text.get(f.effective()), f.evidence().stream().map(log::get).toList()));
        }
        return new RedactedReport(findings, join(diffs));
    }

    private static Map<String, String> redactedOnce(Set<String> distinct, UnaryOperator<String> redaction) {
        List<String> originals = List.copyOf(distinct);
        List<String> redacted = originals.parallelStream().map(redaction).toList();
        Map<String, String> byOriginal = new HashMap<>(originals.size() * 2);
        for (int i = 0; i < originals.size(); i++) {
            byOriginal.put(originals.get(i), redacted.get(i));
        }
        return byOriginal;
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

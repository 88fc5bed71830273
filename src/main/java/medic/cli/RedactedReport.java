package medic.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import medic.nginx.Diagnosis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.redact.Redactor;

/**
 * The texts of a diagnosis that reports print, redacted: every finding's message, current value and evidence,
 * and the diff texts the report shows. A config broken everywhere has ten thousand findings but only a few
 * hundred distinct texts (rules repeat their wording per location), so each distinct text is redacted once,
 * and the diffs beside them; the order of findings and diffs stays as given.
 */
record RedactedReport(List<RedactedFinding> findings, List<String> diffs) {
    private static final Redactor REDACTOR = new Redactor();

    /** One finding with its redacted texts; the other fields carry no secrets and are printed from the finding. */
    record RedactedFinding(Finding finding, String message, String effective, List<String> evidence) {
    }

    /** Findings and diffs redacted in parallel. */
    static RedactedReport of(Diagnosis diagnosis, List<String> diffTexts) {
        CompletableFuture<List<String>> diffs = CompletableFuture.supplyAsync(() -> diffs(diffTexts));
        List<RedactedFinding> findings = findings(diagnosis.findings(), true);
        return new RedactedReport(findings, Background.joined(diffs));
    }

    /** The findings with their texts redacted, on the common pool too when {@code parallel}. */
    static List<RedactedFinding> findings(List<Finding> all, boolean parallel) {
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
        Map<String, String> text = redactedOnce(texts, RedactedReport::text, parallel);
        Map<String, String> log = redactedOnce(logLines, line -> REDACTOR.redactLog(line).text(), parallel);
        List<RedactedFinding> findings = new ArrayList<>(all.size());
        for (Finding f : all) {
            findings.add(new RedactedFinding(f, text.get(f.message()), f.effective() == null ? null
                    : text.get(f.effective()), evidence(f.evidence(), log)));
        }
        return findings;
    }

    /** The diff texts, redacted, in their order. */
    static List<String> diffs(List<String> diffTexts) {
        List<String> diffs = new ArrayList<>(diffTexts.size());
        for (String diff : diffTexts) {
            diffs.add(text(diff));
        }
        return diffs;
    }

    private static List<String> evidence(List<String> lines, Map<String, String> redacted) {
        return switch (lines.size()) {
            case 0 -> List.of();
            case 1 -> List.of(redacted.get(lines.get(0)));
            default -> {
                String[] out = new String[lines.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = redacted.get(lines.get(i));
                }
                yield List.of(out);
            }
        };
    }

    private static Map<String, String> redactedOnce(Set<String> distinct, UnaryOperator<String> redaction,
                                                    boolean parallel) {
        List<String> originals = List.copyOf(distinct);
        Stream<String> stream = parallel ? originals.parallelStream() : originals.stream();
        List<String> redacted = stream.map(redaction).toList();
        Map<String, String> byOriginal = new HashMap<>(originals.size() * 2);
        for (int i = 0; i < originals.size(); i++) {
            byOriginal.put(originals.get(i), redacted.get(i));
        }
        return byOriginal;
    }

    private static String text(String text) {
        return REDACTOR.redactText(text).text();
    }
}

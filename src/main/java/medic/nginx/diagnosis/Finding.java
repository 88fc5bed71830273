package medic.nginx.diagnosis;

import java.util.List;

/**
 * One problem found: the rule, how serious, where (file relative to the config's base directory, line),
 * what nginx does there ({@code effective}) against its default, the evidence, and the changes that fix it
 * (empty when the fix is advice outside nginx, such as the backend's own idle timeout).
 */
public record Finding(String rule, Severity severity, String file, int line, String title, String message,
                      String effective, String defaultValue, List<String> evidence, String fix,
                      List<Change> changes) {
    public Finding {
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
    }

    /** The same finding one severity step higher, with more evidence. */
    public Finding confirmedBy(List<String> moreEvidence) {
        List<String> all = new java.util.ArrayList<>(evidence);
        all.addAll(moreEvidence);
        return new Finding(rule, severity.raised(), file, line, title, message, effective, defaultValue, all, fix,
                changes);
    }

    public String where() {
        return file + ":" + line;
    }
}

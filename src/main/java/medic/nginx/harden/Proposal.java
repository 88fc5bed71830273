package medic.nginx.harden;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import medic.nginx.diagnosis.Finding;

/**
 * What hardening would change: the edited files with their diffs, the findings whose changes it carries out,
 * conflicts between findings (and which value won), and notes (skipped changes, shared files edited).
 */
public record Proposal(List<FileChange> files, List<Finding> findings, List<String> conflicts, List<String> notes) {
    public Proposal {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        conflicts = List.copyOf(conflicts);
        notes = List.copyOf(notes);
    }

    /** True when the config already has everything the findings ask for. */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Every file's diff, one after the other: {@code patch -p1} applies it from the config's base directory. */
    public String unifiedDiff() {
        StringBuilder out = new StringBuilder();
        for (FileChange file : files) {
            out.append(file.diff());
        }
        return out.toString();
    }

    /** One line for people: which files change, by how much, and for which rules. */
    public String summary() {
        if (files.isEmpty()) {
            return "Nothing to change: the config already has what the findings ask for"
                    + (notes.isEmpty() ? "." : " (" + notes.size() + " note(s)).");
        }
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.rule()));
        StringBuilder out = new StringBuilder("Hardening ");
        for (int i = 0; i < files.size(); i++) {
            FileChange file = files.get(i);
            out.append(i == 0 ? "" : ", ").append(file.relativePath())
                    .append(" (+").append(file.added()).append(" -").append(file.removed()).append(')');
        }
        if (!rules.isEmpty()) {
            out.append(" for ").append(String.join(", ", rules));
        }
        if (!conflicts.isEmpty()) {
            out.append("; ").append(conflicts.size()).append(" conflict(s) resolved");
        }
        if (!notes.isEmpty()) {
            out.append("; ").append(notes.size()).append(" note(s)");
        }
        return out.append('.').toString();
    }
}

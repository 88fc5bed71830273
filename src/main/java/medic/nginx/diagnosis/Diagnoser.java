package medic.nginx.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule of the catalogue over an analysis and orders the findings, most serious first. */
public final class Diagnoser {
    /** Most serious first, then by place; ties keep the catalogue's rule order (the sort is stable). */
    private static final Comparator<Finding> ORDER = (a, b) -> {
        int bySeverity = b.severity().compareTo(a.severity());
        if (bySeverity != 0) {
            return bySeverity;
        }
        // Findings of one file share its path string, so the identity test settles most comparisons.
        int byFile = a.file() == b.file() ? 0 : a.file().compareTo(b.file());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(a.line(), b.line());
        return byLine != 0 || a.rule() == b.rule() ? byLine : a.rule().compareTo(b.rule());
    };

    private final List<Rule> rules;

    public Diagnoser(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Diagnoser standard() {
        return new Diagnoser(RuleCatalog.all());
    }

    /**
     * The findings of every rule. Rules are pure functions of the (immutable) analysis, so they run in parallel
     * when there are cores to spare; their results are joined in catalogue order, so the outcome is the same.
     */
    public List<Finding> diagnose(Analysis analysis) {
        List<List<Finding>> perRule = rules.parallelStream().map(rule -> rule.check(analysis)).toList();
        List<Finding> findings = new ArrayList<>(perRule.stream().mapToInt(List::size).sum());
        perRule.forEach(findings::addAll);
        findings.sort(ORDER);
        return findings;
    }
}

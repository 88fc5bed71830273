package medic.nginx.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule of the catalogue over an analysis and orders the findings, most serious first. */
public final class Diagnoser {
    private final List<Rule> rules;

    public Diagnoser(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Diagnoser standard() {
        return new Diagnoser(RuleCatalog.all());
    }

    public List<Finding> diagnose(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(analysis));
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::file)
                .thenComparingInt(Finding::line)
                .thenComparing(Finding::rule));
        return findings;
    }
}

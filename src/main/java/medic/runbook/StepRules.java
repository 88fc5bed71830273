package medic.runbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.inventory.yaml.Problems;
import medic.inventory.yaml.YamlNode;

/**
 * Checks that need the whole list of steps: unique ids, inputs gathered before they are used (diagnose needs
 * a dump, propose needs a diagnosis), and the safety rule that nothing mutating runs before an approval gate.
 */
final class StepRules {
    private StepRules() {
    }

    static void check(List<StepReader.Located> steps, Problems problems) {
        Map<String, StepReader.Located> ids = new HashMap<>();
        boolean dumped = false;
        boolean diagnosed = false;
        boolean gated = false;
        for (StepReader.Located located : steps) {
            Step step = located.step();
            StepReader.Located first = ids.putIfAbsent(step.id(), located);
            if (first != null) {
                problems.add(field(located, "id"), "duplicate step id \"" + step.id() + "\" (first at line "
                        + field(first, "id").location().line() + "); step ids must be unique in a runbook");
            }
            switch (step.kind()) {
                case NGINX_DUMP -> dumped = true;
                case DIAGNOSE -> {
                    if (!dumped) {
                        problems.add(field(located, "kind"), "diagnose needs the configuration: put an nginx_dump step"
                                + " before it");
                    }
                    diagnosed = true;
                }
                case PROPOSE -> {
                    if (!diagnosed) {
                        problems.add(field(located, "kind"), "propose builds on the diagnosis: put a diagnose step before it");
                    }
                }
                case APPROVAL_GATE -> gated = true;
                default -> {
                }
            }
            if (step.mutating() && !gated) {
                problems.add(field(located, "mutating"), "step " + step.id() + " changes the host, so it must come after"
                        + " an approval_gate step; move it, or declare mutating: false if it changes nothing");
            }
        }
    }

    private static YamlNode field(StepReader.Located located, String key) {
        var entry = located.node().entries().get(key);
        return entry == null ? located.node() : entry.value();
    }
}

package medic.runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A validated runbook: which alerts it answers and the steps it takes, from one file under runbooks/. */
public record Runbook(String name, String description, Path source, AlertMatch match, List<Step> steps) {
    public Runbook {
        steps = List.copyOf(steps);
    }

    public boolean matches(String alertName, Map<String, String> labels) {
        return match.matches(alertName, labels);
    }

    /** The steps a run takes without asking anyone: those before the first approval gate. */
    public List<Step> stepsBeforeApproval() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == StepKind.APPROVAL_GATE) {
                return steps.subList(0, i);
            }
        }
        return steps;
    }
}

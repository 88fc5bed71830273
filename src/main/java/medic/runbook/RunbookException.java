package medic.runbook;

import java.util.List;
import medic.inventory.yaml.ConfigFileException;
import medic.inventory.yaml.Problem;

/** Runbook files medic refuses: each problem names file:line:column, the field, and what to change. */
public final class RunbookException extends ConfigFileException {
    public RunbookException(List<Problem> problems) {
        super(problems);
    }
}

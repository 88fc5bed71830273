package medic.inventory.yaml;

import java.util.List;
import java.util.stream.Collectors;
import medic.MedicException;

/** A configuration file medic refuses to use; the message lists every problem, one per line. */
public class ConfigFileException extends MedicException {
    private final List<Problem> problems;

    public ConfigFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package medic.inventory.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a file, so one run of a validator reports them all instead of the first. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void add(YamlNode node, String message) {
        found.add(new Problem(node.location(), node.path(), message));
    }

    public void add(Location location, String field, String message) {
        found.add(new Problem(location, field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** The problems in file order (line, then column), each once. */
    public List<Problem> list() {
        return found.stream().distinct()
                .sorted(Comparator.comparing((Problem p) -> p.location().file())
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }
}

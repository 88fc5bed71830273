package medic.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import medic.inventory.yaml.Location;
import medic.inventory.yaml.Problem;

/** Every runbook of a directory, loaded and validated together, and the choice of runbooks for an alert. */
public record RunbookCatalog(List<Runbook> runbooks) {
    public RunbookCatalog {
        runbooks = List.copyOf(runbooks);
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file directly in {@code directory}, in name order.
     * Problems from all files, and runbook names used twice, are reported together in one exception.
     */
    public static RunbookCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RunbookException(List.of(new Problem(new Location(directory.toString(), 1, 1), null,
                    "not a directory; give the folder holding the runbook files (default: runbooks)")));
        }
        return load(files(directory));
    }

    /** Loads the given runbook files as one catalog. */
    public static RunbookCatalog load(List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        List<Runbook> runbooks = new ArrayList<>();
        for (Path file : files) {
            try {
                runbooks.add(RunbookLoader.load(file));
            } catch (RunbookException e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(duplicateNames(runbooks));
        if (!problems.isEmpty()) {
            throw new RunbookException(problems);
        }
        return new RunbookCatalog(runbooks);
    }

    /** The runbook files directly in a directory, in name order. */
    public static List<Path> files(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RunbookException(List.of(new Problem(new Location(directory.toString(), 1, 1), null,
                    "cannot list the directory: " + e.getMessage())));
        }
    }

    /** A problem for each runbook whose name an earlier file already uses. */
    public static List<Problem> duplicateNames(List<Runbook> runbooks) {
        Map<String, Runbook> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Runbook runbook : runbooks) {
            Runbook first = seen.putIfAbsent(runbook.name(), runbook);
            if (first != null) {
                problems.add(new Problem(new Location(runbook.source().toString(), 1, 1), "name",
                        "runbook name \"" + runbook.name() + "\" is already used by " + first.source()
                                + "; runbook names must be unique"));
            }
        }
        return problems;
    }

    /** The runbooks that answer an alert, in file order (the first is the one medic runs by default). */
    public List<Runbook> match(String alertName, Map<String, String> labels) {
        return runbooks.stream().filter(r -> r.matches(alertName, labels)).toList();
    }

    public Optional<Runbook> named(String name) {
        return runbooks.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}

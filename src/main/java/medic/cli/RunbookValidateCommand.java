package medic.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import medic.inventory.yaml.Problem;
import medic.runbook.Runbook;
import medic.runbook.RunbookCatalog;
import medic.runbook.RunbookException;
import medic.runbook.RunbookLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medic runbook validate}: loads runbook files as medic would and reports every problem with its line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks runbook files: prints \"ok FILE: N steps\" or \"FILE:LINE:COLUMN: problem\" lines.",
            "Exit status: 0 all valid, 2 a problem was found."})
public final class RunbookValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR_OR_FILE", arity = "0..*",
            description = "runbook files, or folders whose *.yaml files are runbooks (default: runbooks)")
    List<Path> paths = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        List<Runbook> valid = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths.isEmpty() ? List.of(Path.of("runbooks")) : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = RunbookCatalog.files(path);
                if (found.isEmpty()) {
                    err.println(path + ": no runbook files (*.yaml, *.yml) here");
                    return ErrorHandler.UNUSABLE_INPUT;
                }
                files.addAll(found);
            } else {
                files.add(path);
            }
        }
        for (Path file : files) {
            try {
                Runbook runbook = RunbookLoader.load(file);
                valid.add(runbook);
                out.println("ok " + file + ": " + runbook.steps().size() + (runbook.steps().size() == 1 ? " step" : " steps"));
            } catch (RunbookException e) {
                problems.addAll(e.problems());
                e.problems().forEach(err::println);
            }
        }
        List<Problem> duplicates = RunbookCatalog.duplicateNames(valid);
        duplicates.forEach(err::println);
        problems.addAll(duplicates);
        out.flush();
        if (!problems.isEmpty()) {
            err.println("medic: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in " + problems.stream().map(p -> p.location().file()).distinct().count() + " of "
                    + files.size() + (files.size() == 1 ? " file" : " files"));
        }
        err.flush();
        return problems.isEmpty() ? 0 : ErrorHandler.UNUSABLE_INPUT;
    }
}

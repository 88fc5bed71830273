package medic.cli;

import static medic.cli.CliRun.medic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medic runbook validate} as a user runs it: ok lines, file:line problems, exit 0 or 2. */
class RunbookValidateCommandTest {
    private static final Path INVALID = Path.of("src/test/resources/runbooks/invalid");
    private static final Path VALID = Path.of("src/test/resources/runbooks/valid");

    @Test
    void without_arguments_the_shipped_runbooks_folder_is_checked() {
        CliRun run = medic("runbook", "validate");
        assertEquals(0, run.exit(), run.err());
        assertEquals("ok runbooks/nginx-upstream-reset.yaml: 7 steps\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void folders_and_files_can_be_mixed() {
        CliRun run = medic("runbook", "validate", VALID.toString(), "runbooks/nginx-upstream-reset.yaml");
        assertEquals(0, run.exit(), run.err());
        assertEquals("ok " + VALID.resolve("also-upstream-reset.yaml") + ": 2 steps\n"
                + "ok " + VALID.resolve("every-field.yaml") + ": 9 steps\n"
                + "ok runbooks/nginx-upstream-reset.yaml: 7 steps\n", run.out());
    }

    @Test
    void an_invalid_file_prints_its_problems_with_file_line_and_column_and_exits_two() {
        Path file = INVALID.resolve("alert-label-in-template.yaml");
        CliRun run = medic("runbook", "validate", file.toString(), "runbooks/nginx-upstream-reset.yaml");
        assertEquals(2, run.exit());
        assertEquals("ok runbooks/nginx-upstream-reset.yaml: 7 steps\n", run.out(), "valid files are still confirmed");
        assertTrue(run.err().startsWith(file + ":7:10: field steps[0].run: {{alert.labels.instance}} refers to the alert;"),
                run.err());
        assertTrue(run.err().endsWith("medic: 1 problem in 1 of 2 files\n"), run.err());
    }

    @Test
    void every_invalid_fixture_is_reported_and_none_passes() throws IOException {
        long files;
        long expectedProblems = 0;
        try (Stream<Path> listing = Files.list(INVALID)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        try (Stream<Path> listing = Files.list(INVALID)) {
            for (Path expected : listing.filter(f -> f.toString().endsWith(".expected")).toList()) {
                expectedProblems += Files.readString(expected).strip().lines().count();
            }
        }
        CliRun run = medic("runbook", "validate", INVALID.toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out(), "no invalid fixture may pass");
        assertTrue(run.err().endsWith("medic: " + expectedProblems + " problems in " + files + " of " + files + " files\n"),
                run.err());
        assertEquals(expectedProblems + 1, run.err().lines().count());
    }

    @Test
    void a_runbook_name_used_twice_is_a_problem(@TempDir Path dir) throws IOException {
        Files.copy(VALID.resolve("also-upstream-reset.yaml"), dir.resolve("one.yaml"));
        Files.copy(VALID.resolve("also-upstream-reset.yaml"), dir.resolve("two.yaml"));
        CliRun run = medic("runbook", "validate", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(dir.resolve("two.yaml") + ":1:1: field name: runbook name \"quick-look\" is already used by "
                + dir.resolve("one.yaml")), run.err());
    }

    @Test
    void missing_files_and_empty_folders_exit_two(@TempDir Path dir) {
        CliRun missing = medic("runbook", "validate", "no/such/runbook.yaml");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("no/such/runbook.yaml:1:1: no such file\n"), missing.err());
        CliRun empty = medic("runbook", "validate", dir.toString());
        assertEquals(2, empty.exit());
        assertEquals(dir + ": no runbook files (*.yaml, *.yml) here\n", empty.err());
    }
}

package medic.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of runbooks loads as one catalog, and alerts pick their runbooks from it. */
class RunbookCatalogTest {
    private static final Path VALID = Path.of("src/test/resources/runbooks/valid");

    @Test
    void the_shipped_folder_loads() {
        RunbookCatalog catalog = RunbookCatalog.load(Path.of("runbooks"));
        assertEquals(List.of("nginx-upstream-reset"), catalog.runbooks().stream().map(Runbook::name).toList());
        assertTrue(catalog.named("nginx-upstream-reset").isPresent());
    }

    @Test
    void an_alert_gets_every_matching_runbook_in_file_order() {
        RunbookCatalog catalog = RunbookCatalog.load(VALID);
        assertEquals(List.of("quick-look", "nginx-upstream-reset-staging"), names(catalog.match("NginxUpstreamResets",
                Map.of("env", "staging", "instance", "stg-3:9113", "severity", "warning"))));
        assertEquals(List.of("quick-look"), names(catalog.match("NginxUpstreamResets",
                Map.of("env", "production", "instance", "stg-3:9113"))));
        assertEquals(List.of(), names(catalog.match("SomethingElse", Map.of("env", "staging"))));
    }

    @Test
    void problems_of_all_files_and_reused_names_are_reported_together(@TempDir Path dir) throws IOException {
        Files.copy(VALID.resolve("also-upstream-reset.yaml"), dir.resolve("a.yaml"));
        Files.copy(VALID.resolve("also-upstream-reset.yaml"), dir.resolve("b.yml"));
        Files.writeString(dir.resolve("c.yaml"), "name: c\nmatch: {alertname: X}\nsteps:\n  - {id: x, kind: reboot}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a runbook");
        RunbookException e = assertThrows(RunbookException.class, () -> RunbookCatalog.load(dir));
        assertEquals(List.of(
                dir.resolve("c.yaml") + ":4:19: field steps[0].kind: unknown step kind \"reboot\"; known kinds: command,"
                        + " nginx_version, nginx_dump, nginx_test, error_log, diagnose, propose, approval_gate",
                dir.resolve("b.yml") + ":1:1: field name: runbook name \"quick-look\" is already used by "
                        + dir.resolve("a.yaml") + "; runbook names must be unique"),
                e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void a_missing_folder_is_named() {
        RunbookException e = assertThrows(RunbookException.class, () -> RunbookCatalog.load(Path.of("no/such/runbooks")));
        assertEquals("no/such/runbooks:1:1: not a directory; give the folder holding the runbook files (default: runbooks)",
                e.getMessage());
    }

    private static List<String> names(List<Runbook> runbooks) {
        return runbooks.stream().map(Runbook::name).toList();
    }
}

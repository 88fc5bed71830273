package medic.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid runbooks load into typed steps with their defaults; the shipped runbook is the seed incident's. */
class RunbookLoaderTest {
    private static final Path SHIPPED = Path.of("runbooks/nginx-upstream-reset.yaml");
    private static final Path EVERY_FIELD = Path.of("src/test/resources/runbooks/valid/every-field.yaml");

    @Test
    void the_shipped_runbook_gathers_diagnoses_proposes_and_stops_at_the_gate() {
        Runbook runbook = RunbookLoader.load(SHIPPED);
        assertEquals("nginx-upstream-reset", runbook.name());
        assertEquals(List.of(StepKind.NGINX_VERSION, StepKind.NGINX_DUMP, StepKind.NGINX_TEST, StepKind.ERROR_LOG,
                StepKind.DIAGNOSE, StepKind.PROPOSE, StepKind.APPROVAL_GATE),
                runbook.steps().stream().map(Step::kind).toList());
        ErrorLogStep log = (ErrorLogStep) runbook.steps().get(3);
        assertEquals(new LogWindow.Since(Duration.ofMinutes(15)), log.window());
        assertEquals(LogFilter.UPSTREAM_FAILURES, log.filter());
        assertEquals(OnFailure.CONTINUE, runbook.steps().get(2).onFailure(), "a failing nginx -t is evidence, not the end");
        assertTrue(runbook.steps().stream().noneMatch(Step::mutating));
        assertEquals(6, runbook.stepsBeforeApproval().size());
        assertEquals(Duration.ofHours(4), runbook.steps().get(6).timeout());
    }

    @Test
    void the_shipped_runbook_answers_only_upstream_reset_alerts_that_name_an_instance() {
        Runbook runbook = RunbookLoader.load(SHIPPED);
        assertTrue(runbook.matches("NginxUpstreamResets", Map.of("instance", "edge-1:9113")));
        assertFalse(runbook.matches("NginxUpstreamResets", Map.of("job", "nginx")), "no instance: no host to act on");
        assertFalse(runbook.matches("NginxDown", Map.of("instance", "edge-1:9113")));
    }

    @Test
    void every_field_is_read_and_unwritten_ones_take_their_defaults() {
        Runbook runbook = RunbookLoader.load(EVERY_FIELD);
        assertEquals("Staging variant that also collects build flags and restarts after approval.", runbook.description());
        assertEquals("[env=\"staging\", instance=~\"stg-.*\", severity!=\"info\"]", runbook.match().matchers().toString());
        CommandStep flags = (CommandStep) runbook.steps().get(0);
        assertEquals("{{host.nginx.binary}} -V 2>&1", flags.run().source());
        assertEquals("Modules and compile-time paths.", flags.description());
        assertEquals(Duration.ofSeconds(5), flags.timeout());
        assertEquals(OnFailure.CONTINUE, flags.onFailure());
        assertFalse(flags.sudo());
        assertFalse(flags.mutating(), "command steps are non-mutating unless declared");
        Step version = runbook.steps().get(1);
        assertEquals(StepKind.NGINX_VERSION.defaultTimeout(), version.timeout());
        assertEquals(OnFailure.STOP, version.onFailure());
        assertEquals("", version.description());
        assertEquals(Duration.ofMinutes(2), runbook.steps().get(2).timeout());
        assertEquals(new LogWindow.LastLines(5000), ((ErrorLogStep) runbook.steps().get(4)).window());
        assertEquals(LogFilter.NONE, ((ErrorLogStep) runbook.steps().get(4)).filter());
        assertEquals(Duration.ofDays(1), runbook.steps().get(7).timeout());
        CommandStep restart = (CommandStep) runbook.steps().get(8);
        assertTrue(restart.sudo());
        assertTrue(restart.mutating());
        assertEquals(7, runbook.stepsBeforeApproval().size());
    }

    @Test
    void matchers_see_the_alert_name_as_a_label() {
        AlertMatch match = new AlertMatch("A", List.of(medic.inventory.LabelMatcher.parse("alertname=~\"A|B\"")));
        assertTrue(match.matches("A", Map.of()));
        assertFalse(match.matches("B", Map.of()), "the alert name itself must still be equal");
    }
}

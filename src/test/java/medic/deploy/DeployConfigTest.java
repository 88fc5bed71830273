package medic.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/'s Prometheus and Alertmanager files pass the real tools' own checks and unit tests. */
class DeployConfigTest {

    @Test
    @RequiresProgram(value = "promtool", aptPackage = "prometheus")
    void alert_rules_pass_promtool_check_rules() throws Exception {
        assertPasses("promtool", "check", "rules", "deploy/prometheus/medic-alerts.yml");
    }

    @Test
    @RequiresProgram(value = "promtool", aptPackage = "prometheus")
    void alert_rules_pass_their_promtool_unit_tests() throws Exception {
        String output = assertPasses("promtool", "test", "rules", "deploy/prometheus/medic-alerts.test.yml");
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    @RequiresProgram(value = "promtool", aptPackage = "prometheus")
    void a_broken_rule_fails_the_unit_tests(@TempDir Path dir) throws Exception {
        // The unit tests can fail: a threshold that never fires breaks them.
        String rules = Files.readString(Path.of("deploy/prometheus/medic-alerts.yml"))
                .replace("nginx:upstream_resets:increase5m >= 3", "nginx:upstream_resets:increase5m >= 3000");
        Files.writeString(dir.resolve("medic-alerts.yml"), rules);
        Files.copy(Path.of("deploy/prometheus/medic-alerts.test.yml"), dir.resolve("medic-alerts.test.yml"));
        Result result = run(List.of("promtool", "test", "rules", dir.resolve("medic-alerts.test.yml").toString()));
        assertEquals(1, result.exit(), result.output());
    }

    @Test
    @RequiresProgram(value = "promtool", aptPackage = "prometheus")
    void the_scrape_config_passes_promtool_check_config() throws Exception {
        assertPasses("promtool", "check", "config", "deploy/prometheus/prometheus.yml");
    }

    @Test
    @RequiresProgram(value = "amtool", aptPackage = "prometheus-alertmanager")
    void the_receiver_passes_amtool_check_config() throws Exception {
        String output = assertPasses("amtool", "check-config", "deploy/alertmanager/alertmanager.yml");
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    @RequiresProgram(value = "visudo", aptPackage = "sudo")
    void the_sudoers_snippet_passes_visudo() throws Exception {
        String output = assertPasses("visudo", "-cf", "deploy/sudoers.d/medic");
        assertTrue(output.contains("parsed OK"), output);
    }

    @Test
    @RequiresProgram(value = "systemd-analyze", aptPackage = "systemd")
    void the_systemd_unit_passes_systemd_analyze_verify() throws Exception {
        Result result = run(List.of("systemd-analyze", "verify", "deploy/systemd/medic.service"));
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().lines().noneMatch(line -> line.contains("medic.service")), result.output());
    }

    private static String assertPasses(String... command) throws IOException, InterruptedException {
        Result result = run(List.of(command));
        assertEquals(0, result.exit(), String.join(" ", command) + ":\n" + result.output());
        return result.output();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ended: " + command);
        return new Result(process.exitValue(), output);
    }
}

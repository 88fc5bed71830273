package medic.cli;

import static medic.cli.CliRun.medic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import medic.testing.NginxHarness;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medic diagnose} as a user runs it: formats, exit codes, errors, redaction, and a diff that applies. */
class DiagnoseCommandTest {
    private static final Path SEED = Path.of("src/test/resources/fixtures/seed-incident");
    private static final Path SECRETS = Path.of("src/test/resources/cli/secrets");

    @Test
    void text_report_names_rules_lines_and_the_proposed_change() {
        CliRun run = medic("diagnose", "--config", SEED.resolve("nginx.conf").toString(),
                "--error-log", SEED.resolve("error.log").toString(), "--color", "never");
        assertEquals(1, run.exit(), run.err());
        for (String expected : List.of("WS01  nginx.conf:33", "WS02  nginx.conf:35", "WS06  nginx.conf:36",
                "WS09  nginx.conf:37", "KA04  nginx.conf:24", "RT04  nginx.conf:24", "RL01  nginx.conf:33",
                "TO01  nginx.conf:33", "+            proxy_http_version 1.1;", "error log: 25 lines")) {
            assertTrue(run.out().contains(expected), "missing \"" + expected + "\" in:\n" + run.out());
        }
        assertFalse(run.out().contains("\u001b["), "no colour codes when --color never");
    }

    @Test
    void json_report_has_findings_and_proposal_files() throws IOException {
        CliRun run = medic("diagnose", "--config", SEED.resolve("nginx.conf").toString(), "--format", "json",
                "--nginx-version", "nginx version: nginx/1.22.1");
        assertEquals(1, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("1.22.1", root.get("nginxVersion").asText());
        assertTrue(root.get("nginxVersionKnown").asBoolean());
        JsonNode first = root.get("findings").get(0);
        for (String field : List.of("rule", "severity", "file", "line", "message", "evidence")) {
            assertTrue(first.has(field), field + " missing in " + first);
        }
        JsonNode file = root.get("proposal").get("files").get(0);
        assertEquals("nginx.conf", file.get("path").asText());
        assertTrue(file.get("diff").asText().startsWith("--- a/nginx.conf\n+++ b/nginx.conf\n"));
    }

    @Test
    void a_config_with_nothing_to_fix_exits_zero() {
        CliRun run = medic("diagnose", "--config", "src/test/resources/cli/quiet.conf");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("No findings"));
    }

    @Test
    void unusable_input_exits_two_with_one_line_naming_the_problem() {
        List<String[]> cases = List.of(
                new String[] {"diagnose", "--config", "no/such/nginx.conf"},
                new String[] {"diagnose", "--config", "src/test/resources/fixtures/malformed/unbalanced-open.conf"},
                new String[] {"diagnose", "--dump", SEED.resolve("nginx.conf").toString()},
                new String[] {"diagnose", "--config", "x", "--dump", "y"},
                new String[] {"diagnose"},
                new String[] {"diagnose", "--config", SEED.resolve("nginx.conf").toString(), "--nginx-version", "new"},
                new String[] {"diagnose", "--config", SEED.resolve("nginx.conf").toString(), "--backend-idle", "app"},
                new String[] {"diagnose", "--config", SEED.resolve("nginx.conf").toString(), "--error-log", "nope.log"},
                new String[] {"diagnose", "--config", SEED.resolve("nginx.conf").toString(), "--format", "yaml"});
        for (String[] args : cases) {
            CliRun run = medic(args);
            assertEquals(2, run.exit(), String.join(" ", args) + " -> " + run.out() + run.err());
            String first = run.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("medic: "), String.join(" ", args) + " -> " + run.err());
            assertFalse(run.err().contains("\tat "), "stack trace shown for " + String.join(" ", args));
        }
        assertTrue(medic("diagnose", "--config", "src/test/resources/fixtures/malformed/unbalanced-open.conf")
                .err().contains("unbalanced-open.conf:18: unexpected end of file"));
    }

    @Test
    void secrets_from_config_and_log_never_reach_text_or_json_output() {
        String bearer = "sk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789abcd";
        String token = "ya29.a0AfH6SMBx3f9Qkz7LmNpQrStUvWxYz012345";
        for (String format : List.of("text", "json")) {
            CliRun run = medic("diagnose", "--config", SECRETS.resolve("nginx.conf").toString(),
                    "--error-log", SECRETS.resolve("error.log").toString(), "--format", format);
            assertEquals(1, run.exit(), run.err());
            assertFalse(run.out().contains(bearer), format + " leaks the bearer token:\n" + run.out());
            assertFalse(run.out().contains(token), format + " leaks the access token:\n" + run.out());
            assertTrue(run.out().contains("<redacted"), format + " shows no mask:\n" + run.out());
        }
    }

    @Test
    @RequiresProgram(value = "patch", aptPackage = "patch")
    @RequiresProgram(value = "nginx", aptPackage = "nginx")
    void the_diff_applies_with_patch_p1_and_the_result_passes_nginx_t(@TempDir Path dir) throws Exception {
        try (Stream<Path> files = Files.list(SEED)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        CliRun run = medic("diagnose", "--config", dir.resolve("nginx.conf").toString(),
                "--error-log", dir.resolve("error.log").toString(), "--format", "diff");
        assertEquals(1, run.exit(), run.err());
        Path patchFile = dir.resolve("fix.patch");
        Files.writeString(patchFile, run.out());
        Process patch = new ProcessBuilder("patch", "-p1", "-i", patchFile.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(patch.getInputStream().readAllBytes());
        assertEquals(0, patch.waitFor(), output);
        assertTrue(NginxHarness.installed().test(dir, "nginx.conf").passed(), "patched config fails nginx -t");
        CliRun again = medic("diagnose", "--config", dir.resolve("nginx.conf").toString(), "--format", "diff");
        assertEquals("", again.out(), "a second diagnosis still proposes changes");
    }

    @Test
    void a_dump_gives_diffs_relative_to_the_root() {
        CliRun run = medic("diagnose", "--dump", "src/test/resources/fixtures/dump-includes/nginx-T.txt",
                "--format", "diff");
        assertEquals(1, run.exit(), run.err());
        List<String> headers = new ArrayList<>(run.out().lines().filter(l -> l.startsWith("--- a/")).toList());
        assertFalse(headers.isEmpty());
        headers.forEach(h -> assertTrue(h.startsWith("--- a/etc/medic-fixture/"), h));
    }

    @Test
    @RequiresProgram(value = "nginx", aptPackage = "nginx")
    void a_host_from_the_inventory_is_diagnosed_through_its_runbook(@TempDir Path host) throws IOException {
        Files.createDirectories(host.resolve("logs"));
        String config = Files.readString(SEED.resolve("nginx.conf"))
                .replace("pid logs/nginx.pid;", "pid " + host.resolve("logs/nginx.pid") + ";")
                .replace("error_log logs/error.log;", "error_log " + host.resolve("logs/error.log") + ";")
                .replace("access_log logs/access.log;", "access_log " + host.resolve("logs/access.log") + ";");
        Files.writeString(host.resolve("nginx.conf"), config);
        Files.copy(SEED.resolve("error.log"), host.resolve("logs/error.log"));
        Path inventory = host.resolve("inventory.yaml");
        Files.writeString(inventory, "hosts:\n  - name: edge-local\n    transport: local\n    nginx:\n"
                + "      binary: /usr/sbin/nginx\n      config: " + host.resolve("nginx.conf") + "\n"
                + "      error_logs: [" + host.resolve("logs/error.log") + "]\n");
        String runbook = "src/test/resources/runbooks/run/diagnose-last-lines.yaml";
        CliRun run = medic("diagnose", "--host", "edge-local", "--inventory", inventory.toString(), "--runbook",
                runbook, "--format", "json");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("\"rule\" : \"WS01\""), run.out());
        CliRun unknown = medic("diagnose", "--host", "edge-9", "--inventory", inventory.toString(), "--runbook",
                runbook);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--host edge-9: not in"), unknown.err());
    }
}

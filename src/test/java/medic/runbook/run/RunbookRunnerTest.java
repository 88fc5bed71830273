package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.RemoteHost;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.Runbook;
import medic.runbook.RunbookLoader;
import medic.runbook.run.StepResult.Status;
import medic.testing.RequiresProgram;
import medic.testing.SshTestServer;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook engine on a directory laid out like an nginx host, with Debian's real nginx for -v, -T and -t:
 * once through local processes, once over SSH to an in-process server with a pinned host key.
 */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class RunbookRunnerTest {
    private static final Path SEED = Path.of("src/test/resources/fixtures/seed-incident");

    @TempDir
    Path host;

    /** Lays out the seed incident like a host: config with absolute paths, and its error log. */
    private void layOutHost() throws IOException {
        Files.createDirectories(host.resolve("etc/nginx"));
        Files.createDirectories(host.resolve("var/log/nginx"));
        String config = Files.readString(SEED.resolve("nginx.conf"))
                .replace("pid logs/nginx.pid;", "pid " + host.resolve("nginx.pid") + ";")
                .replace("error_log logs/error.log;", "error_log " + host.resolve("var/log/nginx/error.log") + ";")
                .replace("access_log logs/access.log;", "access_log " + host.resolve("var/log/nginx/access.log") + ";");
        Files.writeString(host.resolve("etc/nginx/nginx.conf"), config);
        Files.copy(SEED.resolve("error.log"), host.resolve("var/log/nginx/error.log"));
    }

    private Inventory inventory(String hostYaml) {
        return InventoryLoader.parse("hosts:\n" + hostYaml, "inventory.yaml", host);
    }

    private String nginxSettings() {
        return "    nginx:\n"
                + "      binary: /usr/sbin/nginx\n"
                + "      config: " + host.resolve("etc/nginx/nginx.conf") + "\n"
                + "      error_logs: [" + host.resolve("var/log/nginx/error.log") + "]\n";
    }

    private String sshHost(SshTestServer server, Path knownHosts) {
        return "  - name: edge-1\n    address: " + server.host() + "\n    port: " + server.port()
                + "\n    user: " + System.getProperty("user.name")
                + "\n    key: {file: " + TestResources.path("ssh/user_ed25519") + "}"
                + "\n    known_hosts: " + knownHosts + "\n" + nginxSettings();
    }

    private static RunResult run(HostEntry entry, RemoteHost remote, List<StepResult> seen) {
        Runbook runbook = RunbookLoader.load(Path.of("src/test/resources/runbooks/run/diagnose-last-lines.yaml"));
        return new RunbookRunner(Clock.systemUTC()).run(runbook, entry, remote, BackendFacts.NONE, seen::add);
    }

    private static void assertDiagnosedUpToTheGate(RunResult result, List<StepResult> seen) {
        assertEquals(RunResult.Outcome.AWAITING_APPROVAL, result.outcome(), result.failure() + " " + result.steps());
        assertEquals(result.steps(), seen, "the listener hears every step as it ends");
        assertEquals("1.22.1", result.version().toString());
        assertEquals(List.of(Status.SUCCEEDED, Status.SUCCEEDED, Status.SUCCEEDED, Status.SUCCEEDED,
                Status.SUCCEEDED, Status.SUCCEEDED, Status.AWAITING_APPROVAL),
                result.steps().stream().map(StepResult::status).toList(), result.steps().toString());
        List<String> rules = result.diagnosis().findings().stream().map(f -> f.rule()).toList();
        assertTrue(rules.containsAll(List.of("WS01", "WS02", "WS06", "WS09", "KA04", "RT04", "RL01", "TO01")),
                rules.toString());
        assertTrue(result.diagnosis().log().upstreamFailures() > 0, "the error-log excerpt reached the diagnosis");
        assertTrue(result.steps().get(5).stdout().contains("+            proxy_http_version 1.1;"),
                result.steps().get(5).stdout());
    }

    @Test
    void runs_the_steps_on_a_local_host_up_to_the_approval_gate() throws IOException {
        layOutHost();
        HostEntry entry = inventory("  - name: edge-local\n    transport: local\n" + nginxSettings())
                .host("edge-local").orElseThrow();
        List<StepResult> seen = new ArrayList<>();
        RunResult result;
        try (SshPool pool = new SshPool(SshOptions.defaults());
             RemoteHost remote = new HostConnections(pool).open(entry)) {
            result = run(entry, remote, seen);
        }
        assertDiagnosedUpToTheGate(result, seen);
    }

    @Test
    void runs_the_same_steps_over_ssh_with_a_verified_host_key() throws IOException {
        layOutHost();
        try (SshTestServer server = SshTestServer.start(host); SshPool pool = new SshPool(SshOptions.defaults())) {
            Path knownHosts = host.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            HostEntry entry = inventory(sshHost(server, knownHosts)).host("edge-1").orElseThrow();
            List<StepResult> seen = new ArrayList<>();
            RunResult result;
            try (RemoteHost remote = new HostConnections(pool).open(entry)) {
                result = run(entry, remote, seen);
            }
            assertDiagnosedUpToTheGate(result, seen);
        }
    }

    @Test
    void a_host_whose_key_changed_is_refused_before_any_step_runs() throws IOException {
        layOutHost();
        try (SshTestServer server = SshTestServer.start(host); SshPool pool = new SshPool(SshOptions.defaults())) {
            Path knownHosts = host.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLineWithKey(SshTestServer.JUMP_HOST_KEY) + "\n");
            HostEntry entry = inventory(sshHost(server, knownHosts)).host("edge-1").orElseThrow();
            RunResult result;
            try (RemoteHost remote = new HostConnections(pool).open(entry)) {
                result = run(entry, remote, new ArrayList<>());
            }
            assertEquals(RunResult.Outcome.FAILED, result.outcome());
            assertFalse(result.retryable(), "a changed host key needs a person, not a retry");
            assertTrue(result.failure().contains("edge-1"), result.failure());
            assertEquals(1, result.steps().size(), "nothing ran after the refused connection");
        }
    }

    @Test
    void a_config_nginx_refuses_fails_the_dump_with_nginx_own_words() throws IOException {
        layOutHost();
        Files.writeString(host.resolve("etc/nginx/nginx.conf"), "events {}\nhttp { server { listen 8080 }\n");
        HostEntry entry = inventory("  - name: edge-local\n    transport: local\n" + nginxSettings())
                .host("edge-local").orElseThrow();
        RunResult result;
        try (SshPool pool = new SshPool(SshOptions.defaults());
             RemoteHost remote = new HostConnections(pool).open(entry)) {
            result = run(entry, remote, new ArrayList<>());
        }
        assertEquals(RunResult.Outcome.FAILED, result.outcome());
        StepResult dump = result.steps().get(1);
        assertEquals(Status.FAILED, dump.status());
        assertTrue(dump.stderr().contains("nginx.conf:2"), dump.stderr());
    }
}

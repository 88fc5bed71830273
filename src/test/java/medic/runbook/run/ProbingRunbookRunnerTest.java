package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import medic.inventory.HostEntry;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.runbook.RunbookLoader;
import medic.testing.KeepAliveBackend;
import medic.testing.KeepAliveBackend.Style;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runbook run that probes the backends before diagnosing: Debian's nginx for -T, a real backend behind it. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class ProbingRunbookRunnerTest {
    @TempDir
    Path host;

    @Test
    void the_diagnose_step_measures_the_backend_and_ka02_names_the_measured_timeout() throws Exception {
        try (KeepAliveBackend backend = KeepAliveBackend.start(Duration.ofSeconds(2), Style.CONTENT_LENGTH);
             RemoteHost local = new LocalHost("edge-local")) {
            Files.writeString(host.resolve("nginx.conf"), "pid " + host.resolve("nginx.pid") + ";\n"
                    + "error_log " + host.resolve("error.log") + ";\nevents {}\nhttp {\n"
                    + "    access_log off;\n"
                    + "    upstream app {\n        server " + backend.address() + ";\n        keepalive 16;\n"
                    + "        keepalive_timeout 5s;\n    }\n"
                    + "    server {\n        listen 127.0.0.1:8;\n        location / {\n"
                    + "            proxy_pass http://app;\n            proxy_http_version 1.1;\n"
                    + "            proxy_set_header Connection \"\";\n        }\n    }\n}\n");
            Files.writeString(host.resolve("error.log"), "");
            HostEntry entry = InventoryLoader.parse("hosts:\n  - name: edge-local\n    transport: local\n"
                    + "    nginx:\n      binary: /usr/sbin/nginx\n      config: " + host.resolve("nginx.conf") + "\n"
                    + "      error_logs: [" + host.resolve("error.log") + "]\n", "inventory.yaml", host)
                    .host("edge-local").orElseThrow();
            UpstreamIdleProbes probes = new UpstreamIdleProbes(UpstreamIdleProbes.Settings.defaults());
            List<StepResult> seen = new ArrayList<>();

            RunResult result = new RunbookRunner(Clock.systemUTC(), probes).run(
                    RunbookLoader.load(Path.of("src/test/resources/runbooks/run/diagnose-last-lines.yaml")), entry,
                    local, BackendFacts.NONE, seen::add);

            assertEquals(RunResult.Outcome.AWAITING_APPROVAL, result.outcome(), result.steps().toString());
            StepResult diagnose = result.steps().get(4);
            assertTrue(diagnose.stdout().contains("backend idle timeouts probed from the nginx host:\n  "
                    + backend.address() + ": closed the idle keep-alive connection 2"), diagnose.stdout());
            Finding ka02 = result.diagnosis().findings().stream().filter(f -> f.rule().equals("KA02")).findFirst()
                    .orElseThrow(() -> new AssertionError(result.diagnosis().findings().toString()));
            assertTrue(ka02.message().contains("but the backend closes them after 2"), ka02.message());
            assertTrue(ka02.evidence().get(0).contains("measured from edge-local"), ka02.evidence().toString());
        }
    }
}

package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import medic.inventory.HostEntry;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.runbook.RunbookLoader;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runbook run diagnoses with the backend idle timeouts the inventory declares for its host (rule KA02). */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class DeclaredBackendIdleRunTest {
    @TempDir
    Path host;

    @BeforeEach
    void nginxWithAPoolOutlivingItsBackend() throws Exception {
        Files.writeString(host.resolve("nginx.conf"), "pid " + host.resolve("nginx.pid") + ";\n"
                + "error_log " + host.resolve("error.log") + ";\nevents {}\nhttp {\n    access_log off;\n"
                + "    upstream app {\n        server 127.0.0.1:3000;\n        keepalive 16;\n    }\n"
                + "    server {\n        listen 127.0.0.1:8;\n        location / {\n            proxy_pass http://app;\n"
                + "            proxy_http_version 1.1;\n            proxy_set_header Connection \"\";\n        }\n    }\n}\n");
        Files.writeString(host.resolve("error.log"), "");
    }

    @Test
    void ka02_lowers_the_pool_below_the_idle_timeout_the_inventory_declares() {
        Finding ka02 = ka02(run(BackendFacts.NONE));

        assertTrue(ka02.message().contains("parks idle connections for 60s (keepalive_timeout default) but the"
                + " backend closes them after 5s"), ka02.message());
        assertTrue(ka02.evidence().contains("backend idle timeout 5s (app, declared in the inventory)"),
                ka02.evidence().toString());
        assertTrue(ka02.fix().startsWith("keepalive_timeout 4s in upstream app"), ka02.fix());
    }

    @Test
    void what_the_caller_gives_wins_over_the_inventory() {
        BackendFacts given = new BackendFacts(Map.of("app", Duration.ofSeconds(10)),
                Map.of("app", "declared with --backend-idle"), null);

        Finding ka02 = ka02(run(given));

        assertTrue(ka02.evidence().contains("backend idle timeout 10s (app, declared with --backend-idle)"),
                ka02.evidence().toString());
    }

    private RunResult run(BackendFacts given) {
        HostEntry entry = InventoryLoader.parse("hosts:\n  - name: edge-local\n    transport: local\n"
                + "    nginx:\n      binary: /usr/sbin/nginx\n      config: " + host.resolve("nginx.conf") + "\n"
                + "      error_logs: [" + host.resolve("error.log") + "]\n"
                + "      backend_idle_timeouts:\n        app: 5s\n", "inventory.yaml", host)
                .host("edge-local").orElseThrow();
        try (RemoteHost local = new LocalHost("edge-local")) {
            return new RunbookRunner(Clock.systemUTC(), null).run(
                    RunbookLoader.load(Path.of("src/test/resources/runbooks/run/diagnose-last-lines.yaml")), entry,
                    local, given, step -> { });
        }
    }

    private static Finding ka02(RunResult result) {
        assertEquals(RunResult.Outcome.AWAITING_APPROVAL, result.outcome(), result.steps().toString());
        return result.diagnosis().findings().stream().filter(f -> f.rule().equals("KA02")).findFirst()
                .orElseThrow(() -> new AssertionError(result.diagnosis().findings().toString()));
    }
}

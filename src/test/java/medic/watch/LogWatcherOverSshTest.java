package medic.watch;

import medic.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.log.FailureClass;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.run.HostConnections;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.testing.SshTestServer;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher following a log over SSH, to an in-process server with a pinned host key, through the inventory. */
class LogWatcherOverSshTest {
    @TempDir
    Path dir;

    @Test
    void follows_a_log_over_ssh_through_appends_and_a_rotation() throws IOException {
        Path log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.LINES.subList(0, 5).toArray(String[]::new));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FailureCounter counter = new FailureCounter(registry);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T23:00:00Z"));
        try (SshTestServer server = SshTestServer.start(dir); SshPool pool = new SshPool(SshOptions.defaults());
             Database database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")))) {
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            Inventory inventory = InventoryLoader.parse("hosts:\n  - name: edge-1\n    address: " + server.host()
                    + "\n    port: " + server.port() + "\n    user: " + System.getProperty("user.name")
                    + "\n    key: {file: " + TestResources.path("ssh/user_ed25519") + "}"
                    + "\n    known_hosts: " + knownHosts
                    + "\n    nginx:\n      error_logs: [" + log + "]\n", "inventory.yaml", dir);
            LogWatcher watcher = new LogWatcher(inventory, new HostConnections(pool)::open,
                    new CursorStore(database, clock), new LogFollower(), counter,
                    new StormDetector(new WatchPolicy(100, Duration.ofMinutes(1), Duration.ZERO, "r"),
                            (host, reason) -> { }, new StormLedger(database), clock));

            assertEquals(0, watcher.poll("edge-1"));
            SeedLines.append(log, SeedLines.RESET_HEADER_8080, SeedLines.NOTICE, SeedLines.TIMED_OUT_8080);
            assertEquals(2, watcher.poll("edge-1"));
            Files.move(log, dir.resolve("error.log.1"));
            SeedLines.append(log, SeedLines.RESET_HEADER_8080);
            assertEquals(1, watcher.poll("edge-1"));
            assertEquals(0, watcher.poll("edge-1"));
        }
        assertEquals(2, counter.counter("edge-1", "127.0.0.1:8080", FailureClass.RESET_READING_HEADER).count());
        assertEquals(1, counter.counter("edge-1", "127.0.0.1:8080", FailureClass.TIMED_OUT).count());
    }
}

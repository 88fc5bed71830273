package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log watcher on three replicas: each host's watch is a Quartz job any replica may fire, so the hosts are
 * watched by several replicas; when the replica that last watched a host is killed (SIGKILL), the others go on
 * from the stored cursors within 30 s, and every appended failure is counted exactly once in the database.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class WatchAcrossReplicasTest {
    private static final int HOSTS = 6;
    private static final Duration FAILOVER = Duration.ofSeconds(30);
    private static final String LINE = " [error] 4242#4242: *7 recv() failed (104: Connection reset by peer) while"
            + " reading response header from upstream, client: 127.0.0.1, server: localhost, request: \"GET / HTTP/1.1\","
            + " upstream: \"http://127.0.0.1:8080/\", host: \"edge\"\n";

    @TempDir
    Path dir;

    private ReplicaRig rig;
    private final Map<String, Path> logs = new HashMap<>();
    private final Map<String, Integer> appended = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
        StringBuilder inventory = new StringBuilder("hosts:\n");
        for (int i = 1; i <= HOSTS; i++) {
            String host = "web-" + i;
            Path log = dir.resolve(host + "-error.log");
            Files.writeString(log, "2026/11/24 05:00:00 [notice] 1#1: start worker processes\n");
            logs.put(host, log);
            appended.put(host, 0);
            inventory.append("  - name: ").append(host).append("\n    transport: local\n    nginx:\n      error_logs: [")
                    .append(log).append("]\n");
        }
        Path file = dir.resolve("watched-inventory.yaml");
        Files.writeString(file, inventory);
        rig.set("MEDIC_INVENTORY", file.toString());
        rig.set("MEDIC_WATCH_ENABLED", "true");
        rig.set("MEDIC_WATCH_INTERVAL", "1s");
        rig.set("MEDIC_WATCH_THRESHOLD", "1000000");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void hosts_are_watched_across_replicas_and_a_killed_replicas_hosts_go_on_elsewhere_counted_once()
            throws Exception {
        List<Replica> replicas = rig.start(3);
        rig.await(Duration.ofSeconds(60), () -> rig.count("SELECT COUNT(*) FROM log_cursors") == HOSTS,
                () -> "every host's first read");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                appendToEveryHost(2);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failure-writer");
        writer.start();
        try {
            rig.await(Duration.ofSeconds(60), () -> rig.count("SELECT COUNT(DISTINCT watcher) FROM watch_failures") >= 2
                    && rig.count("SELECT COUNT(DISTINCT host) FROM watch_failures") == HOSTS,
                    () -> "failures counted on every host, by more than one replica");

            String watcher = rig.text("SELECT watcher FROM log_cursors WHERE host = 'web-1'");
            Replica victim = replicas.stream().filter(r -> r.instanceId().equals(watcher)).findFirst()
                    .orElseThrow(() -> new AssertionError("no replica has instance " + watcher + rig.outputs()));
            long lastRowBeforeKill = rig.count("SELECT COALESCE(MAX(id), 0) FROM watch_failures");
            victim.kill();
            long killed = System.nanoTime();
            Map<String, Long> resumedAfter = new HashMap<>();
            rig.await(FAILOVER, () -> {
                for (String host : logs.keySet()) {
                    if (!resumedAfter.containsKey(host) && rig.count("SELECT COUNT(*) FROM watch_failures WHERE host = '"
                            + host + "' AND id > " + lastRowBeforeKill + " AND watcher <> '" + watcher + "'") > 0) {
                        resumedAfter.put(host, (System.nanoTime() - killed) / 1_000_000);
                    }
                }
                return resumedAfter.size() == HOSTS;
            }, () -> "every host watched again by a survivor; so far " + resumedAfter);
            System.out.println("watch failover: hosts resumed by survivors after (ms) " + resumedAfter
                    + "; slowest " + resumedAfter.values().stream().mapToLong(Long::longValue).max().orElse(-1));
        } finally {
            writing.set(false);
            writer.join();
        }

        rig.await(Duration.ofSeconds(30), this::everyLogReadToItsEnd, () -> "every log read to its end");
        for (String host : logs.keySet()) {
            assertEquals(appended.get(host).longValue(), rig.count("SELECT COALESCE(SUM(failures), 0) FROM watch_failures"
                    + " WHERE host = '" + host + "'"), "each failure on " + host + " counted exactly once");
        }
        List<String> watchers = new ArrayList<>();
        for (String host : logs.keySet()) {
            watchers.add(host + ": " + rig.count("SELECT COUNT(DISTINCT watcher) FROM watch_failures WHERE host = '"
                    + host + "'"));
        }
        System.out.println("watch spread: replicas that watched each host " + watchers);
        assertTrue(rig.count("SELECT COUNT(DISTINCT watcher) FROM watch_failures") >= 2, "spread over replicas");
        assertEquals(0, rig.count("SELECT COUNT(*) FROM incidents"), "below the threshold: no incident");
    }

    private synchronized void appendToEveryHost(int lines) {
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            String stamped = "2026/11/24 05:00:00" + LINE;
            try {
                Files.writeString(log.getValue(), stamped.repeat(lines), StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            appended.merge(log.getKey(), lines, Integer::sum);
        }
    }

    private boolean everyLogReadToItsEnd() {
        try {
            for (Map.Entry<String, Path> log : logs.entrySet()) {
                if (rig.count("SELECT log_offset FROM log_cursors WHERE host = '" + log.getKey() + "'")
                        != Files.size(log.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

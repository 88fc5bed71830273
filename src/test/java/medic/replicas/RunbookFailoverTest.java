package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover in the middle of a runbook: the replica running it is killed (SIGKILL); the clustered scheduler on the
 * survivor resumes the same run within 30 s and the diagnosis is posted once, in the incident's one thread.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class RunbookFailoverTest {
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ReplicaRig rig;
    private Path slowStarts;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
        slowStarts = dir.resolve("slow-step-starts");
        // The shipped runbook with a slow step after nginx -t: each start of the step is one line in a file.
        Path runbook = dir.resolve("runbooks/nginx-upstream-reset.yaml");
        String shipped = Files.readString(runbook);
        String slowStep = "  - id: slow\n    kind: command\n    run: \"echo started >> '" + slowStarts
                + "'; sleep 5\"\n    timeout: 60s\n\n  - id: recent-failures\n";
        assertTrue(shipped.contains("  - id: recent-failures\n"), shipped);
        Files.writeString(runbook, shipped.replace("  - id: recent-failures\n", slowStep));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void the_survivor_resumes_a_runbook_whose_replica_was_killed_and_posts_the_diagnosis_once() throws Exception {
        List<Replica> replicas = rig.start(2);
        assertEquals(202, rig.flow.webhook(replicas.get(0).port(), FakeSlackApi.fixture("../alertmanager/firing.json"))
                .statusCode());
        rig.await(Duration.ofSeconds(60), () -> Files.exists(slowStarts), () -> "the slow step starts");
        String runner = rig.text("SELECT runner FROM runs");
        Replica running = replicas.stream().filter(r -> r.instanceId().equals(runner)).findFirst()
                .orElseThrow(() -> new AssertionError("no replica has instance " + runner + rig.outputs()));
        Replica survivor = replicas.stream().filter(r -> r != running).findFirst().orElseThrow();

        running.kill();
        long killed = System.nanoTime();
        rig.await(RECOVERY, () -> survivor.instanceId().equals(rig.text("SELECT runner FROM runs")),
                () -> "the survivor resumes the run");
        Duration resumed = Duration.ofNanos(System.nanoTime() - killed);
        rig.await(Duration.ofSeconds(60), () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents"))
                && rig.outboxDrained() && rig.calls("/api/chat.postMessage").stream()
                        .anyMatch(b -> b.contains("thread_ts=") && b.contains("nginx_dump")), () -> "the diagnosis is posted");
        Duration diagnosed = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("runbook failover: resumed " + resumed.toMillis() + " ms and diagnosed "
                + diagnosed.toMillis() + " ms after the kill");

        assertEquals(1, rig.count("SELECT COUNT(*) FROM runs"), "the same run resumed, no second run");
        assertEquals("SUCCEEDED", rig.text("SELECT status FROM runs"));
        assertEquals(2, Files.readAllLines(slowStarts).size(), "the interrupted step ran again on the survivor");
        List<String> parents = rig.parentPosts();
        assertEquals(1, parents.size(), "one top-level message: " + parents);
        assertTrue(parents.get(0).contains("medic_approve"), parents.get(0));
        assertEquals(1, rig.calls("/api/chat.postMessage").stream().filter(b -> b.contains("thread_ts=")
                && b.contains("nginx_dump")).count(), "one reply with the runbook's steps, in the thread");
    }
}

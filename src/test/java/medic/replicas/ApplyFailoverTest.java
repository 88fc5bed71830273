package medic.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.lifecycle.FlowRig;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover in the middle of an apply: the replica applying the approved change is killed (SIGKILL) while nginx -t
 * checks the written file; the survivor recovers the apply job, restores the backups, and the thread says so once.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class ApplyFailoverTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ReplicaRig rig;
    private Path slowFlag;
    private Path slowTests;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
        slowFlag = dir.resolve("slow-nginx-t");
        slowTests = dir.resolve("slow-nginx-t-starts");
        // nginx -t turns slow once the flag file exists (after the diagnosis), so the apply is caught in it.
        rig.slowNginxTestOnceFlagged(slowFlag, slowTests);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void the_survivor_restores_an_apply_whose_replica_was_killed_and_nginx_still_passes_its_test() throws Exception {
        String before = Files.readString(rig.flow.site);
        List<Replica> replicas = rig.start(2);
        assertEquals(202, rig.flow.webhook(replicas.get(0).port(), FakeSlackApi.fixture("../alertmanager/firing.json"))
                .statusCode());
        rig.await(Duration.ofSeconds(60), () -> "AWAITING_APPROVAL".equals(rig.text("SELECT stage FROM incidents"))
                && rig.parentPosts().stream().anyMatch(b -> b.contains("medic_approve")), () -> "the diagnosis");
        Matcher approve = APPROVE_VALUE.matcher(rig.parentPosts().get(0));
        assertTrue(approve.find());
        Files.writeString(slowFlag, "on\n");

        assertEquals(200, rig.flow.click(replicas.get(1).port(), "medic_approve", approve.group(), FlowRig.APPROVER)
                .statusCode());
        rig.await(Duration.ofSeconds(60), () -> Files.exists(slowTests), () -> "the apply reaches nginx -t");
        String holder = rig.text("SELECT holder FROM apply_locks");
        Replica applying = replicas.stream().filter(r -> r.applyHolder().equals(holder)).findFirst()
                .orElseThrow(() -> new AssertionError("no replica holds the lock " + holder + rig.outputs()));
        Replica survivor = replicas.stream().filter(r -> r != applying).findFirst().orElseThrow();
        assertTrue(rig.text("SELECT state FROM apply_changes").equals("WRITING"),
                "killed with the new file written: " + rig.text("SELECT state FROM apply_changes"));

        applying.kill();
        long killed = System.nanoTime();
        Files.delete(slowFlag); // the survivor's own nginx -t (the restore's retest) runs at full speed
        rig.await(RECOVERY, () -> "RECOVERED".equals(rig.text("SELECT state FROM apply_changes")),
                () -> "the survivor restores the change");
        Duration recovered = Duration.ofNanos(System.nanoTime() - killed);
        rig.await(Duration.ofSeconds(30), () -> "ROLLED_BACK".equals(rig.text("SELECT stage FROM incidents"))
                && rig.outboxDrained() && rig.calls("/api/chat.update").stream()
                        .anyMatch(b -> b.toLowerCase().contains("rolled back")), () -> "the incident shows the rollback");
        System.out.println("apply failover: restored " + recovered.toMillis() + " ms after the kill by "
                + survivor.name);

        assertEquals(before, Files.readString(rig.flow.site), "site.conf is restored");
        assertTrue(rig.flow.nginx.test().passed(), "nginx -t passes on the restored config");
        assertEquals(0, rig.count("SELECT COUNT(*) FROM apply_locks"), "the host is unlocked");
        assertEquals(1, rig.count("SELECT COUNT(*) FROM apply_changes"));
        assertEquals(1, rig.parentPosts().size(), "one top-level message");
    }
}

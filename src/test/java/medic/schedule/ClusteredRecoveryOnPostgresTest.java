package medic.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import medic.store.Database;
import medic.testing.PostgresDatabase;
import medic.testing.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import medic.testing.Await;

/** Two clustered replicas on one PostgreSQL: when one is killed mid-job, the live one re-runs the job. */
@RequiresPostgres
class ClusteredRecoveryOnPostgresTest {

    private static final long CHECKIN_MILLIS = 1000;

    @TempDir
    Path markers;

    private PostgresDatabase testDatabase;
    private Database database;
    private Scheduler peer;

    @BeforeEach
    void openDatabase() {
        testDatabase = PostgresDatabase.freshSchema();
        database = Database.open(testDatabase.settings());
    }

    @AfterEach
    void closeEverything() {
        if (peer != null) {
            peer.shutdown(true);
        }
        database.close();
        testDatabase.close();
    }

    @Test
    void a_live_peer_recovers_the_job_of_a_killed_replica() throws Exception {
        try (ChildJvm replica = ChildJvm.startCrashProbe(testDatabase.settings(), markers, "clustered-probe", true,
                CHECKIN_MILLIS)) {
            Await.until(Duration.ofSeconds(30),
                    () -> MarkerTask.lines(markers, "clustered-probe").size() == 1 || !replica.isAlive(),
                    () -> "the child replica starts the blocking job; its output:\n" + replica.output());
            assertTrue(replica.isAlive(), "the child replica died on its own:\n" + replica.output());
            peer = Scheduler.start(database, SchedulerSettings.clustered(2)
                    .withClusterCheckinInterval(Duration.ofMillis(CHECKIN_MILLIS)),
                    Map.of(MarkerTask.NAME, new MarkerTask(markers, false)));
            replica.kill();
        }

        // Quartz presumes a peer dead after its check-in interval plus a 7.5 s grace.
        Await.until(Duration.ofSeconds(25), () -> MarkerTask.lines(markers, "clustered-probe").size() == 2,
                () -> "the peer re-runs the killed replica's job; log so far: " + MarkerTask.lines(markers, "clustered-probe"));
        List<String> lines = MarkerTask.lines(markers, "clustered-probe");
        assertTrue(lines.get(0).startsWith("recovering=false instance="), lines.toString());
        assertEquals("recovering=true instance=" + peer.instanceId() + " data=from the child", lines.get(1));
        assertNotEquals(lines.get(0).split(" ")[1], lines.get(1).split(" ")[1], "two different instances ran it");
        Await.until(Duration.ofSeconds(10), () -> !peer.isScheduled("clustered-probe"), () -> "the recovered job completes");
    }
}

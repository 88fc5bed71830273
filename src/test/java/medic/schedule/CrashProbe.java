package medic.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * The child process of the crash tests: opens the database, starts a scheduler, schedules a recoverable job that
 * blocks, and waits to be killed. Arguments: marker directory, job name, clustered (true/false), check-in millis;
 * the database comes from MEDIC_PROBE_URL, MEDIC_PROBE_USER and MEDIC_PROBE_PASSWORD.
 */
public final class CrashProbe {

    private CrashProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path markers = Path.of(args[0]);
        String jobName = args[1];
        boolean clustered = Boolean.parseBoolean(args[2]);
        Duration checkin = Duration.ofMillis(Long.parseLong(args[3]));
        DatabaseSettings settings = DatabaseSettings.of(System.getenv("MEDIC_PROBE_URL"),
                System.getenv("MEDIC_PROBE_USER"), System.getenv("MEDIC_PROBE_PASSWORD"));
        SchedulerSettings schedulerSettings = (clustered ? SchedulerSettings.clustered(2) : SchedulerSettings.single(2))
                .withClusterCheckinInterval(checkin);

        Database database = Database.open(settings);
        Scheduler scheduler = Scheduler.start(database, schedulerSettings, Map.of(MarkerTask.NAME, new MarkerTask(markers, true)));
        scheduler.scheduleOnce(jobName, MarkerTask.NAME, Map.of(MarkerTask.BLOCK, "true", "note", "from the child"),
                Instant.now());
        new CountDownLatch(1).await();
    }
}

package medic.runbook.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.RunbookCatalog;
import medic.schedule.Scheduler;
import medic.schedule.SchedulerSettings;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.store.RunStore;
import medic.store.RunTrigger;

/**
 * The medic process the run crash tests kill: opens the database, starts the scheduler with the runbook jobs,
 * submits one run of {@code slow-then-done} for incident 42 when asked, and waits to be killed. Arguments: the
 * test directory (inventory.yaml, runbook.yaml), clustered (true/false), check-in millis, submit (true/false);
 * the database comes from MEDIC_PROBE_URL, MEDIC_PROBE_USER and MEDIC_PROBE_PASSWORD.
 */
public final class RunCrashProbe {

    private RunCrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        boolean clustered = Boolean.parseBoolean(args[1]);
        Duration checkin = Duration.ofMillis(Long.parseLong(args[2]));
        boolean submit = Boolean.parseBoolean(args[3]);
        DatabaseSettings settings = DatabaseSettings.of(System.getenv("MEDIC_PROBE_URL"),
                System.getenv("MEDIC_PROBE_USER"), System.getenv("MEDIC_PROBE_PASSWORD"));
        Database database = Database.open(settings);
        RunbookJobs jobs = jobs(directory, new RunStore(database), new SshPool(SshOptions.defaults()));
        Scheduler scheduler = Scheduler.start(database, (clustered ? SchedulerSettings.clustered(2)
                : SchedulerSettings.single(2)).withClusterCheckinInterval(checkin), jobs.tasks());
        jobs.attach(scheduler);
        if (submit) {
            jobs.submit("slow-then-done", "edge-local", RunTrigger.incident(42));
        }
        new CountDownLatch(1).await();
    }

    /** The runbook jobs both the child and the test's own medic run, from the files in {@code directory}. */
    static RunbookJobs jobs(Path directory, RunStore store, SshPool pool) throws Exception {
        Inventory inventory = InventoryLoader.parse(Files.readString(directory.resolve("inventory.yaml")),
                "inventory.yaml", directory);
        RunbookCatalog runbooks = RunbookCatalog.load(List.of(directory.resolve("runbook.yaml")));
        return new RunbookJobs(store, inventory, runbooks, new HostConnections(pool), BackendFacts.NONE,
                Duration.ofMillis(200), Clock.systemUTC());
    }
}

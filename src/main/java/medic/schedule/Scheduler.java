package medic.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import medic.store.Database;
import medic.store.Vendor;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * medic's clock: Quartz with its JDBC job store on medic's database pool, so scheduled jobs survive restarts and
 * a job cut off by a crash re-runs (on restart, or on a live peer when clustered). Jobs run {@link Task}s by name.
 */
public final class Scheduler implements AutoCloseable {

    private static final String GROUP = "medic";
    private static final int RESERVED_CONNECTIONS = 3;

    private final org.quartz.Scheduler quartz;

    private Scheduler(org.quartz.Scheduler quartz) {
        this.quartz = quartz;
    }

    /**
     * Starts a scheduler whose jobs run the given tasks; jobs due while medic was down run now, and jobs a dead
     * instance was running are recovered.
     *
     * @param tasks every task a stored job may name, by name
     */
    public static Scheduler start(Database database, SchedulerSettings settings, Map<String, Task> tasks) {
        if (settings.clustered() && database.vendor() != Vendor.POSTGRESQL) {
            throw new ScheduleException("clustered scheduling needs PostgreSQL: an embedded H2 file serves a single"
                    + " medic process; use a jdbc:postgresql:// URL or turn clustering off");
        }
        // Each job thread holds a connection while it runs; Quartz's own threads and medic's store need a few more.
        int connectionsNeeded = settings.threadCount() + RESERVED_CONNECTIONS;
        if (database.settings().maximumPoolSize() < connectionsNeeded) {
            throw new ScheduleException("the scheduler's " + settings.threadCount() + " job threads need a database"
                    + " pool of at least " + connectionsNeeded + " connections, but it has "
                    + database.settings().maximumPoolSize() + "; raise the pool size or lower the thread count");
        }
        org.quartz.Scheduler running = SchedulerRepository.getInstance().lookup(settings.name());
        if (running != null) {
            throw new ScheduleException("a scheduler named " + settings.name() + " already runs in this process;"
                    + " shut it down first");
        }
        Map<String, Task> knownTasks = Map.copyOf(tasks);
        String dataSourceName = "medic-" + settings.name();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new PoolConnectionProvider(database.dataSource()));
        try {
            org.quartz.Scheduler quartz = new StdSchedulerFactory(
                    QuartzProperties.of(settings, database.vendor(), dataSourceName)).getScheduler();
            quartz.setJobFactory((bundle, scheduler) -> bundle.getJobDetail().getJobClass() == ExclusiveTaskJob.class
                    ? new ExclusiveTaskJob(knownTasks) : new TaskJob(knownTasks));
            quartz.start();
            return new Scheduler(quartz);
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot start the scheduler on " + database.settings().redactedUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code task} once at {@code at} (now or in the past: as soon as possible). The job survives restarts and
     * requests recovery: if medic dies while it runs, it runs again.
     *
     * @throws ScheduleException when a job of this name is already scheduled
     */
    public void scheduleOnce(String jobName, String task, Map<String, String> data, Instant at) {
        JobDetail job = job(jobName, task, data, TaskJob.class).requestRecovery(true).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(jobName, GROUP).forJob(job)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            quartz.scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException e) {
            throw new ScheduleException("job " + jobName + " is already scheduled", e);
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot schedule job " + jobName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code task} every {@code interval} from now on, never two firings at once; scheduling the same name again
     * replaces the job, so calling this at every start-up is safe. Firings missed while medic was down are skipped.
     */
    public void scheduleRepeating(String jobName, String task, Map<String, String> data, Duration interval) {
        JobDetail job = job(jobName, task, data, ExclusiveTaskJob.class).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(jobName, GROUP).forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot schedule repeating job " + jobName + ": " + e.getMessage(), e);
        }
    }

    /** Removes a job and its trigger; a firing already running finishes. False when there was no such job. */
    public boolean unschedule(String jobName) {
        try {
            return quartz.deleteJob(JobKey.jobKey(jobName, GROUP));
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot unschedule job " + jobName + ": " + e.getMessage(), e);
        }
    }

    /** True while a job of this name is stored (scheduled, or a one-shot job not yet done). */
    public boolean isScheduled(String jobName) {
        try {
            return quartz.checkExists(JobKey.jobKey(jobName, GROUP));
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot look up job " + jobName + ": " + e.getMessage(), e);
        }
    }

    /** This instance's id: fixed when single, unique per start when clustered. */
    public String instanceId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot read the scheduler's instance id: " + e.getMessage(), e);
        }
    }

    /**
     * Stops firing jobs. With {@code waitForRunningJobs} it returns once running jobs end; without, they are cut
     * off when the process exits, and the recoverable ones run again on the next start (or on a peer).
     */
    public void shutdown(boolean waitForRunningJobs) {
        try {
            quartz.shutdown(waitForRunningJobs);
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot shut the scheduler down: " + e.getMessage(), e);
        }
    }

    /** Shuts down, waiting for running jobs. */
    @Override
    public void close() {
        shutdown(true);
    }

    private static JobBuilder job(String jobName, String task, Map<String, String> data,
            Class<? extends TaskJob> jobClass) {
        if (jobName == null || jobName.isBlank() || jobName.length() > 200) {
            throw new IllegalArgumentException("job name must be 1 to 200 characters, got \"" + jobName + "\"");
        }
        JobDataMap map = new JobDataMap();
        data.forEach(map::put);
        map.put(TaskJob.TASK_KEY, task);
        return JobBuilder.newJob(jobClass).withIdentity(jobName, GROUP).usingJobData(map);
    }
}

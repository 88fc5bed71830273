package medic.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * How medic's Quartz scheduler runs.
 *
 * @param name                   the scheduler's name in the job tables; replicas sharing work share the name
 * @param threadCount            jobs that may run at once in this process
 * @param clustered              true when several medic replicas share one PostgreSQL database: each gets its own
 *                               instance id, and a live peer recovers the jobs of a replica that died
 * @param clusterCheckinInterval how often a clustered instance reports alive; a peer is presumed dead after
 *                               about this interval plus Quartz's 7.5 s grace
 * @param pollInterval           longest wait before noticing jobs another replica scheduled (at least 1 s)
 */
public record SchedulerSettings(String name, int threadCount, boolean clustered, Duration clusterCheckinInterval,
        Duration pollInterval) {

    public static final String DEFAULT_NAME = "medic";

    public SchedulerSettings {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("scheduler name must be 1 to 120 characters, got \"" + name + "\"");
        }
        if (threadCount < 1) {
            throw new IllegalArgumentException("threadCount must be at least 1, got " + threadCount);
        }
        Objects.requireNonNull(clusterCheckinInterval, "clusterCheckinInterval");
        if (pollInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("pollInterval must be at least 1 s, got " + pollInterval);
        }
    }

    /** One medic process: jobs it was running when it died are recovered when it starts again. */
    public static SchedulerSettings single(int threadCount) {
        return new SchedulerSettings(DEFAULT_NAME, threadCount, false, Duration.ofSeconds(7), Duration.ofSeconds(5));
    }

    /** Several replicas on one PostgreSQL database: a peer recovers the jobs of a replica that died. */
    public static SchedulerSettings clustered(int threadCount) {
        return new SchedulerSettings(DEFAULT_NAME, threadCount, true, Duration.ofSeconds(7), Duration.ofSeconds(5));
    }

    public SchedulerSettings withClusterCheckinInterval(Duration interval) {
        return new SchedulerSettings(name, threadCount, clustered, interval, pollInterval);
    }
}

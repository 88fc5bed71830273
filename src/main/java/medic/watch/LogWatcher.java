package medic.watch;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import medic.MedicException;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.remote.RemoteException;
import medic.remote.RemoteHost;
import medic.schedule.Scheduler;
import medic.schedule.Task;
import medic.schedule.TaskRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log watcher: one repeating job per inventory host follows the host's error logs, counts upstream failures
 * into Prometheus counters, stores its cursors, and lets the {@link StormDetector} open an incident past the policy.
 * Clustered, each host's job fires on whichever replica takes it (never on two at once: the job disallows
 * concurrent firings); the cursor, the counted failures and the storm state are in the database, so a host's watch
 * moves to a survivor when a replica dies and goes on from the last committed read. Nothing is counted twice and
 * nothing lost: a read whose commit the dead replica did not reach is read again by the survivor. The database's
 * {@code watch_failures} is the count across replicas; each replica's Prometheus counter has only its own reads.
 */
public final class LogWatcher {
    /** The task name to register with the scheduler. */
    public static final String TASK = "log-watch";
    /** Polls per log and firing at most, so a burst bigger than one chunk is caught up without starving others. */
    static final int MAX_CHUNKS_PER_FIRING = 16;
    private static final Logger LOG = LoggerFactory.getLogger(LogWatcher.class);

    private final Inventory inventory;
    private final Function<HostEntry, RemoteHost> connections;
    private final CursorStore cursors;
    private final LogFollower follower;
    private final FailureCounter counter;
    private final StormDetector storms;

    public LogWatcher(Inventory inventory, Function<HostEntry, RemoteHost> connections, CursorStore cursors,
                      LogFollower follower, FailureCounter counter, StormDetector storms) {
        this.inventory = inventory;
        this.connections = connections;
        this.cursors = cursors;
        this.follower = follower;
        this.counter = counter;
        this.storms = storms;
    }

    /** The task to register under {@link #TASK}; each firing polls the host named in its data. */
    public Task task() {
        return this::fire;
    }

    /** Schedules (or re-schedules, at every start) one job {@code watch-<host>} per inventory host. */
    public void schedule(Scheduler scheduler, Duration interval) {
        for (String host : inventory.names()) {
            scheduler.scheduleRepeating(jobName(host), TASK, Map.of("host", host), interval);
        }
    }

    public static String jobName(String host) {
        return "watch-" + host;
    }

    private void fire(TaskRun run) {
        poll(run.data().get("host"), run.instanceId());
    }

    /** {@link #poll(String, String)} by a watcher named after this process. */
    public int poll(String hostName) {
        return poll(hostName, "medic-" + ProcessHandle.current().pid());
    }

    /**
     * Reads what each error log of {@code hostName} gained since its stored cursor, moves the cursor and records the
     * failures in one transaction per read, counts them into Prometheus once committed, then applies the policy. A
     * log that cannot be read is logged and skipped; the others are still read.
     *
     * @param watcher who reads (the scheduler instance), recorded with the cursor and the failures
     * @return the upstream failures this call counted
     */
    public int poll(String hostName, String watcher) {
        HostEntry host = inventory.host(hostName)
                .orElseThrow(() -> new MedicException("watched host " + hostName + " is not in the inventory"));
        int failures = 0;
        try (RemoteHost remote = connections.apply(host)) {
            for (String path : host.nginx().errorLogs()) {
                try {
                    failures += follow(remote, cursors.load(hostName, path), watcher);
                } catch (RemoteException e) {
                    LOG.warn("log watcher: {}", e.getMessage());
                }
            }
        } catch (RemoteException e) {
            LOG.warn("log watcher: {}", e.getMessage());
        }
        storms.check(hostName);
        return failures;
    }

    private int follow(RemoteHost remote, LogCursor start, String watcher) {
        LogCursor cursor = start;
        int failures = 0;
        for (int round = 0; round < MAX_CHUNKS_PER_FIRING; round++) {
            LogChunk chunk = follower.poll(remote, cursor);
            FailureCounter.Tally tally = FailureCounter.Tally.NONE;
            if (chunk.restart() == LogChunk.Restart.ROTATED) {
                LOG.info("log watcher: {} on {} was rotated, reading the new file from the start", cursor.path(),
                        cursor.host());
                tally = finishRotated(remote, cursor);
            } else if (chunk.restart() == LogChunk.Restart.TRUNCATED) {
                LOG.info("log watcher: {} on {} was truncated, reading it from the start", cursor.path(),
                        cursor.host());
            }
            tally = tally.plus(FailureCounter.tally(chunk.bytes(), chunk.consumed()));
            LogCursor next = chunk.advance(cursor);
            if (!next.equals(cursor)) {
                if (!cursors.advance(cursor, next, tally.total(), watcher)) {
                    // Only when a replica presumed dead comes back mid-read: the other read counts, this one not.
                    LOG.warn("log watcher: another watcher moved the cursor of {} on {} first; this read is dropped",
                            cursor.path(), cursor.host());
                    return failures;
                }
                counter.record(cursor.host(), tally);
                failures += tally.total();
                cursor = next;
            }
            if (!chunk.hasMore()) {
                break;
            }
        }
        return failures;
    }

    /**
     * The failures nginx wrote to the old file between the last poll and the rotation, when logrotate left it beside
     * the log as {@code <path>.1} (the same inode as the cursor's); a compressed or removed file is skipped. They are
     * counted with the new file's first read, in its transaction.
     */
    private FailureCounter.Tally finishRotated(RemoteHost remote, LogCursor old) {
        LogCursor cursor = new LogCursor(old.host(), old.path() + ".1", old.identity(), old.offset());
        FailureCounter.Tally tally = FailureCounter.Tally.NONE;
        for (int round = 0; round < MAX_CHUNKS_PER_FIRING; round++) {
            LogChunk chunk = follower.poll(remote, cursor);
            if (chunk.restart() != LogChunk.Restart.NONE) {
                break;
            }
            tally = tally.plus(FailureCounter.tally(chunk.bytes(), chunk.consumed()));
            cursor = chunk.advance(cursor);
            if (!chunk.hasMore()) {
                break;
            }
        }
        return tally;
    }
}

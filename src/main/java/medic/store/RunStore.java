package medic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runbook runs and their steps in the database, and the per-host mutating lock: a unique index lets at most one
 * mutating run per host be RUNNING, so replicas sharing the database cannot both start one.
 *
 * <p>Life of a run: {@link #createRun} (QUEUED) -> {@link #startRun} (RUNNING) -> {@link #recordStep}... ->
 * {@link #finishRun} (SUCCEEDED or FAILED). A job the scheduler recovers after a crash {@link #resumeRun}s its
 * run; {@link #interruptAbandoned} ends the runs no job will continue.
 */
public final class RunStore {

    /** How long a QUEUED run may wait for its job to be stored before a sweep counts it abandoned. */
    public static final Duration UNSCHEDULED_GRACE = Duration.ofMinutes(5);
    private static final int START_ATTEMPTS = 3;

    private final Jdbc jdbc;
    private final Clock clock;

    public RunStore(Database database) {
        this(database, Clock.systemUTC());
    }

    public RunStore(Database database, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.clock = clock;
    }

    /** Stores a new QUEUED run. */
    public Run createRun(NewRun run) {
        Instant now = Jdbc.stored(clock.instant());
        String sql = "INSERT INTO runs (runbook, host, trigger_kind, trigger_ref, status, mutating, created_at)"
                + " VALUES (?, ?, ?, ?, 'QUEUED', ?, ?)";
        long id = jdbc.with("create a run of " + run.runbook() + " on " + run.host(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, run.runbook());
                insert.setString(2, run.host());
                insert.setString(3, run.trigger().kind().name());
                insert.setString(4, run.trigger().reference());
                insert.setBoolean(5, run.mutating());
                Jdbc.setInstant(insert, 6, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Run(id, run.runbook(), run.host(), run.trigger(), RunStatus.QUEUED, run.mutating(), 0, null, now,
                null, null, null);
    }

    /** QUEUED -> RUNNING, unless the run is mutating and another mutating run holds its host. */
    public RunStart startRun(long runId, String runner) {
        return moveToRunning(runId, runner, List.of(RunStatus.QUEUED), "start");
    }

    /** RUNNING or INTERRUPTED -> RUNNING with the next attempt number: a recovered job takes its run over again. */
    public RunStart resumeRun(long runId, String runner) {
        return moveToRunning(runId, runner, List.of(RunStatus.RUNNING, RunStatus.INTERRUPTED), "resume");
    }

    private RunStart moveToRunning(long runId, String runner, List<RunStatus> from, String verb) {
        NewRun.requireText(runner, "runner", 200);
        String sql = "UPDATE runs SET status = 'RUNNING', attempt = attempt + 1, runner = ?, started_at = ?,"
                + " finished_at = NULL, failure_reason = NULL WHERE id = ? AND status IN ("
                + from.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ")) + ")";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Optional<RunStart> outcome = jdbc.with(verb + " run " + runId, connection -> {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setString(1, runner);
                    Jdbc.setInstant(update, 2, clock.instant());
                    update.setLong(3, runId);
                    if (update.executeUpdate() == 1) {
                        return Optional.of(new RunStart.Started(require(connection, runId)));
                    }
                    Run run = require(connection, runId);
                    throw new RunStateException("cannot " + verb + " run " + runId + " of " + run.runbook() + " on "
                            + run.host() + ": it is " + run.status() + ", not "
                            + from.stream().map(RunStatus::name).collect(Collectors.joining(" or ")));
                } catch (SQLException e) {
                    if (!Jdbc.isUniqueViolation(e)) {
                        throw e;
                    }
                    Run run = require(connection, runId);
                    // The holder may have finished since the violation; then the loop simply tries again.
                    return mutatingRunOn(connection, run.host())
                            .map(holder -> (RunStart) new RunStart.HostBusy(runId, run.host(), holder.id()));
                }
            });
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new StoreException("cannot " + verb + " run " + runId + ": its host's mutating lock changed hands "
                + START_ATTEMPTS + " times in a row; try again");
    }

    /** Stores one finished step of a RUNNING run, under the run's current attempt. */
    public void recordStep(long runId, StepResult step) {
        Objects.requireNonNull(step, "step");
        String sql = "INSERT INTO run_steps (run_id, attempt, step_index, name, kind, status, exit_code, stdout, stderr,"
                + " started_at, finished_at) SELECT id, attempt, CAST(? AS INTEGER), CAST(? AS VARCHAR(200)),"
                + " CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)), CAST(? AS INTEGER), CAST(? AS VARCHAR),"
                + " CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " FROM runs WHERE id = ? AND status = 'RUNNING'";
        String what = "record step " + step.index() + " (" + step.name() + ") of run " + runId;
        jdbc.with(what, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setInt(1, step.index());
                insert.setString(2, step.name());
                insert.setString(3, step.kind());
                insert.setString(4, step.status().name());
                Jdbc.setNullableInt(insert, 5, step.exitCode());
                insert.setString(6, step.stdout());
                insert.setString(7, step.stderr());
                Jdbc.setInstant(insert, 8, step.startedAt());
                Jdbc.setInstant(insert, 9, step.finishedAt());
                insert.setLong(10, runId);
                if (insert.executeUpdate() == 0) {
                    throw new RunStateException("cannot " + what + ": the run is " + require(connection, runId).status()
                            + ", not RUNNING");
                }
                return null;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new RunStateException("cannot " + what + ": this attempt already has a step "
                            + step.index());
                }
                throw e;
            }
        });
    }

    /**
     * Ends a QUEUED or RUNNING run as SUCCEEDED or FAILED (a FAILED run needs its reason) and frees its host.
     */
    public Run finishRun(long runId, RunStatus outcome, String failureReason) {
        if (outcome != RunStatus.SUCCEEDED && outcome != RunStatus.FAILED) {
            throw new IllegalArgumentException("a run finishes as SUCCEEDED or FAILED, not " + outcome);
        }
        if (outcome == RunStatus.FAILED && (failureReason == null || failureReason.isBlank())) {
            throw new IllegalArgumentException("a FAILED run needs a failure reason");
        }
        String reason = outcome == RunStatus.FAILED ? failureReason : null;
        String sql = "UPDATE runs SET status = ?, finished_at = ?, failure_reason = ?"
                + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')";
        return jdbc.with("finish run " + runId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, outcome.name());
                Jdbc.setInstant(update, 2, clock.instant());
                update.setString(3, reason);
                update.setLong(4, runId);
                int changed = update.executeUpdate();
                Run run = require(connection, runId);
                if (changed == 0) {
                    throw new RunStateException("cannot finish run " + runId + " as " + outcome + ": it is already "
                            + run.status());
                }
                return run;
            }
        });
    }

    /**
     * Marks INTERRUPTED the runs nobody will continue, and returns them: RUNNING runs (and QUEUED ones older than
     * {@link #UNSCHEDULED_GRACE}) that no Quartz job names any more and whose runner is not a live clustered
     * scheduler instance. Safe with several replicas: a job stays in Quartz's tables while it runs and after its
     * process dies, until a restart or a live peer recovers it, so a run that will still be resumed is never
     * touched; the runner check also spares the runs of every instance that checked in lately.
     *
     * @param jobNamePrefix the jobs of run N are named {@code <jobNamePrefix>N-...}
     */
    public List<Run> interruptAbandoned(String reason, String jobNamePrefix) {
        NewRun.requireText(reason, "reason", 100_000);
        if (!jobNamePrefix.matches("[A-Za-z0-9.:-]+")) {
            throw new IllegalArgumentException("job name prefix must be letters, digits, '.', ':' or '-': "
                    + jobNamePrefix);
        }
        // Quartz presumes an instance dead once its check-in is older than its interval plus 7.5 s.
        String sql = "UPDATE runs SET status = 'INTERRUPTED', finished_at = ?, failure_reason = ?"
                + " WHERE id = ? AND (status = 'RUNNING' OR (status = 'QUEUED' AND created_at < ?))"
                + " AND NOT EXISTS (SELECT 1 FROM qrtz_job_details WHERE job_name LIKE ?)"
                + " AND NOT EXISTS (SELECT 1 FROM qrtz_scheduler_state WHERE instance_name = runs.runner"
                + " AND last_checkin_time + checkin_interval + 7500 >= ?)";
        return jdbc.with("interrupt abandoned runs", connection -> {
            List<Run> marked = new ArrayList<>();
            for (Run candidate : RunRows.runs(connection, "SELECT " + RunRows.RUN_COLUMNS
                    + " FROM runs WHERE status IN ('RUNNING', 'QUEUED') ORDER BY id")) {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    Instant now = clock.instant();
                    Jdbc.setInstant(update, 1, now);
                    update.setString(2, reason);
                    update.setLong(3, candidate.id());
                    Jdbc.setInstant(update, 4, now.minus(UNSCHEDULED_GRACE));
                    update.setString(5, jobNamePrefix + candidate.id() + "-%");
                    update.setLong(6, now.toEpochMilli());
                    if (update.executeUpdate() == 1) {
                        marked.add(require(connection, candidate.id()));
                    }
                }
            }
            return marked;
        });
    }

    public Optional<Run> run(long runId) {
        return jdbc.with("read run " + runId, connection -> find(connection, runId));
    }

    /** The newest {@code limit} runs on {@code host}, newest first. */
    public List<Run> runsFor(String host, int limit) {
        return jdbc.with("list the runs on " + host, connection -> {
            return RunRows.runs(connection, "SELECT " + RunRows.RUN_COLUMNS
                    + " FROM runs WHERE host = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY", host, limit);
        });
    }

    /** Every recorded step of a run, by attempt, then index. */
    public List<RecordedStep> steps(long runId) {
        return jdbc.with("read the steps of run " + runId, connection -> RunRows.steps(connection, runId));
    }

    /** The mutating run holding {@code host}'s lock, if any. */
    public Optional<Run> mutatingRunOn(String host) {
        return jdbc.with("find the mutating run on " + host, connection -> mutatingRunOn(connection, host));
    }

    private static Optional<Run> mutatingRunOn(Connection connection, String host) throws SQLException {
        return RunRows.runs(connection, "SELECT " + RunRows.RUN_COLUMNS
                + " FROM runs WHERE host = ? AND mutating = TRUE AND status = 'RUNNING'", host).stream().findFirst();
    }

    private static Optional<Run> find(Connection connection, long runId) throws SQLException {
        return RunRows.runs(connection, "SELECT " + RunRows.RUN_COLUMNS + " FROM runs WHERE id = ?", runId)
                .stream().findFirst();
    }

    private static Run require(Connection connection, long runId) throws SQLException {
        return find(connection, runId).orElseThrow(() -> new RunStateException("there is no run " + runId));
    }
}

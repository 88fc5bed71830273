package medic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads runs and steps back from their tables. */
final class RunRows {

    static final String RUN_COLUMNS = "id, runbook, host, trigger_kind, trigger_ref, status, mutating, attempt, runner,"
            + " created_at, started_at, finished_at, failure_reason";
    static final String STEP_COLUMNS = "run_id, attempt, step_index, name, kind, status, exit_code, stdout, stderr,"
            + " started_at, finished_at";

    private RunRows() {
    }

    /** The runs a query selects with {@link #RUN_COLUMNS}; {@code parameters} are bound in order. */
    static List<Run> runs(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Run> runs = new ArrayList<>();
                while (rows.next()) {
                    runs.add(run(rows));
                }
                return runs;
            }
        }
    }

    static List<RecordedStep> steps(Connection connection, long runId) throws SQLException {
        String sql = "SELECT " + STEP_COLUMNS + " FROM run_steps WHERE run_id = ? ORDER BY attempt, step_index";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                List<RecordedStep> steps = new ArrayList<>();
                while (rows.next()) {
                    steps.add(step(rows));
                }
                return steps;
            }
        }
    }

    private static Run run(ResultSet row) throws SQLException {
        RunTrigger trigger = new RunTrigger(RunTrigger.Kind.valueOf(row.getString("trigger_kind")),
                row.getString("trigger_ref"));
        return new Run(row.getLong("id"), row.getString("runbook"), row.getString("host"), trigger,
                RunStatus.valueOf(row.getString("status")), row.getBoolean("mutating"), row.getInt("attempt"),
                row.getString("runner"), Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "started_at"),
                Jdbc.getInstant(row, "finished_at"), row.getString("failure_reason"));
    }

    private static RecordedStep step(ResultSet row) throws SQLException {
        StepResult step = new StepResult(row.getInt("step_index"), row.getString("name"), row.getString("kind"),
                StepStatus.valueOf(row.getString("status")), Jdbc.getNullableInt(row, "exit_code"),
                row.getString("stdout"), row.getString("stderr"), Jdbc.getInstant(row, "started_at"),
                Jdbc.getInstant(row, "finished_at"));
        return new RecordedStep(row.getLong("run_id"), row.getInt("attempt"), step);
    }
}

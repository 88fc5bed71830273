package medic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes the two Quartz rows the abandoned-run sweep reads, the way Quartz itself stores them: a job's detail (kept
 * while the job runs and until a crashed job is recovered) and a clustered instance's last check-in.
 */
final class QuartzRows {

    private final Database database;

    QuartzRows(Database database) {
        this.database = database;
    }

    void job(String jobName) {
        execute("INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,"
                + " is_nonconcurrent, is_update_data, requests_recovery) VALUES ('medic', ?, 'medic',"
                + " 'medic.schedule.TaskJob', FALSE, FALSE, FALSE, TRUE)", jobName);
    }

    void checkIn(String instance, long atMillis, long intervalMillis) {
        execute("INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)"
                + " VALUES ('medic', ?, ?, ?)", instance, atMillis, intervalMillis);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package medic.schedule;

import java.util.Map;

/**
 * One firing of a task.
 *
 * @param data       the strings given when the job was scheduled
 * @param recovering true when the job re-runs because the process running it before died mid-run
 * @param instanceId this scheduler instance, e.g. to record which replica runs a runbook
 */
public record TaskRun(String jobName, Map<String, String> data, boolean recovering, String instanceId) {

    public TaskRun {
        data = Map.copyOf(data);
    }
}

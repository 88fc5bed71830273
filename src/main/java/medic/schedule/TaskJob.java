package medic.schedule;

import java.util.HashMap;
import java.util.Map;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one Quartz job class medic stores: it looks up the task the job names and runs it. */
class TaskJob implements Job {

    static final String TASK_KEY = "medic.task";
    private static final Logger LOG = LoggerFactory.getLogger(TaskJob.class);

    private final Map<String, Task> tasks;

    TaskJob(Map<String, Task> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String jobName = context.getJobDetail().getKey().getName();
        // The job detail's map, not the merged one: a recovery trigger adds Quartz's own bookkeeping keys.
        Map<String, String> data = new HashMap<>();
        context.getJobDetail().getJobDataMap().forEach((key, value) -> data.put(key, String.valueOf(value)));
        String taskName = data.remove(TASK_KEY);
        Task task = tasks.get(taskName);
        if (task == null) {
            LOG.error("job {} names task \"{}\", which this medic does not have (known: {}); the job is dropped",
                    jobName, taskName, tasks.keySet());
            throw new JobExecutionException("unknown task " + taskName);
        }
        String instanceId;
        try {
            instanceId = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new JobExecutionException(e, false);
        }
        try {
            task.run(new TaskRun(jobName, data, context.isRecovering(), instanceId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException("job " + jobName + " was interrupted", e, false);
        } catch (Exception e) {
            // Quartz logs a job's exception at INFO only; say it at ERROR, where operators look.
            LOG.error("job {} (task {}) failed: {}", jobName, taskName, e.toString(), e);
            throw new JobExecutionException(e, false);
        }
    }
}

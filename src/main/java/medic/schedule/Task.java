package medic.schedule;

/**
 * One kind of scheduled work, registered under a name; a persisted job names its task, so a job scheduled before
 * a restart finds the task again afterwards. Implementations must tolerate running twice (a recovered job re-runs).
 */
@FunctionalInterface
public interface Task {

    void run(TaskRun run) throws Exception;
}

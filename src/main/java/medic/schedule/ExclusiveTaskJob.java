package medic.schedule;

import java.util.Map;
import org.quartz.DisallowConcurrentExecution;

/** A task job of which at most one firing runs at a time, cluster-wide: repeating jobs must not overlap. */
@DisallowConcurrentExecution
final class ExclusiveTaskJob extends TaskJob {

    ExclusiveTaskJob(Map<String, Task> tasks) {
        super(tasks);
    }
}

package medic.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The example job of the in-process scheduler tests: remembers every firing for the test to take. */
final class RecordingTask implements Task {

    static final String NAME = "recording";

    private final LinkedBlockingQueue<TaskRun> runs = new LinkedBlockingQueue<>();

    @Override
    public void run(TaskRun run) {
        runs.add(run);
    }

    /** The next firing, or null when none comes within {@code timeout}. */
    TaskRun next(Duration timeout) throws InterruptedException {
        return runs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<TaskRun> drain() {
        List<TaskRun> drained = new ArrayList<>();
        runs.drainTo(drained);
        return drained;
    }
}

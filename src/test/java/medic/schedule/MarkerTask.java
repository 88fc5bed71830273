package medic.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The example job of the crash tests: appends one line per firing to {@code <jobName>.log} in a directory both the
 * child process and the test read; in the child it then blocks (until killed) unless recovering.
 */
final class MarkerTask implements Task {

    static final String NAME = "marker";
    static final String BLOCK = "block";

    private final Path directory;
    private final boolean blocks;

    /** @param blocks true in the child process only: a test JVM must never hang on a job it re-ran by mistake */
    MarkerTask(Path directory, boolean blocks) {
        this.directory = directory;
        this.blocks = blocks;
    }

    @Override
    public void run(TaskRun run) throws Exception {
        String line = "recovering=" + run.recovering() + " instance=" + run.instanceId() + " data=" + run.data().get("note")
                + "\n";
        Files.writeString(log(directory, run.jobName()), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (blocks && "true".equals(run.data().get(BLOCK)) && !run.recovering()) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static Path log(Path directory, String jobName) {
        return directory.resolve(jobName + ".log");
    }

    static List<String> lines(Path directory, String jobName) {
        try {
            Path log = log(directory, jobName);
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log(directory, jobName), e);
        }
    }
}

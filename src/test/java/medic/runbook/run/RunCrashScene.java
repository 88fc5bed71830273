package medic.runbook.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import medic.store.DatabaseSettings;

/**
 * The set-up of the run crash tests: a local host, the runbook {@code slow-then-done} whose middle step sleeps on
 * its first attempt only (it leaves a marker, then sleeps in the place of the shell), and a child medic JVM
 * ({@link RunCrashProbe}) to kill with SIGKILL.
 */
final class RunCrashScene implements AutoCloseable {
    private final Path directory;
    private final List<Process> children = new ArrayList<>();

    RunCrashScene(Path directory) throws IOException {
        this.directory = directory;
        Files.writeString(directory.resolve("inventory.yaml"), "hosts:\n  - name: edge-local\n    transport: local\n");
        Files.writeString(directory.resolve("runbook.yaml"), "name: slow-then-done\n"
                + "description: One quick step, one that sleeps the first time, one more.\n"
                + "match:\n  alertname: CrashTest\n"
                + "steps:\n"
                + "  - id: before\n    kind: command\n    run: echo before\n"
                + "  - id: slow\n    kind: command\n    timeout: 5m\n"
                + "    run: \"test -e " + sleeping() + " || { echo $$ > " + sleeperPid() + "; touch " + sleeping()
                + "; exec sleep 120; }\"\n"
                + "  - id: after\n    kind: command\n    run: echo after\n");
    }

    Path directory() {
        return directory;
    }

    /** Exists once the slow step sleeps: the run is in the middle. */
    Path sleeping() {
        return directory.resolve("sleeping");
    }

    private Path sleeperPid() {
        return directory.resolve("sleeper.pid");
    }

    /** Starts a child medic on {@code database}; it submits the run when {@code submit}. */
    Process startChild(DatabaseSettings database, boolean clustered, long checkinMillis, boolean submit)
            throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunCrashProbe.class.getName(), directory.toString(),
                Boolean.toString(clustered), Long.toString(checkinMillis), Boolean.toString(submit));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("child-" + children.size() + ".out").toFile());
        builder.environment().put("MEDIC_PROBE_URL", database.url());
        builder.environment().put("MEDIC_PROBE_USER", database.user());
        builder.environment().put("MEDIC_PROBE_PASSWORD", database.password());
        Process child = builder.start();
        children.add(child);
        return child;
    }

    /** SIGKILL: no shutdown hook, no scheduler shutdown, the job cut off mid-step. */
    static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM survived SIGKILL for 10 s");
        }
    }

    String childOutput() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            try {
                out.append("--- child ").append(i).append(":\n")
                        .append(Files.readString(directory.resolve("child-" + i + ".out")));
            } catch (IOException e) {
                out.append("(no output: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        for (Process child : children) {
            if (child.isAlive()) {
                kill(child);
            }
        }
        // The killed JVM's sleeping step outlives it (it runs in its own session); end it here.
        Optional<Long> pid = Files.exists(sleeperPid())
                ? Optional.of(Long.parseLong(Files.readString(sleeperPid()).strip())) : Optional.empty();
        pid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }
}

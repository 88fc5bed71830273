package medic.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import medic.store.DatabaseSettings;

/** Runs {@link CrashProbe} in a separate JVM on this test's classpath, and kills it like a crash would (SIGKILL). */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildJvm startCrashProbe(DatabaseSettings database, Path markers, String jobName, boolean clustered,
            long checkinMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashProbe.class.getName(), markers.toString(), jobName,
                Boolean.toString(clustered), Long.toString(checkinMillis)));
        Path output = markers.resolve("child-" + jobName + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("MEDIC_PROBE_URL", database.url());
        builder.environment().put("MEDIC_PROBE_USER", database.user());
        builder.environment().put("MEDIC_PROBE_PASSWORD", database.password());
        return new ChildJvm(builder.start(), output);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no scheduler shutdown, no connection closed cleanly. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM survived SIGKILL for 10 s");
        }
    }

    /** What the child printed, for failure messages. */
    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "(no output)";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

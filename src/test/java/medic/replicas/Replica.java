package medic.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.cli.Main;

/** One {@code medic serve} replica as its own JVM on this test's classpath; killed like a crash (SIGKILL) on demand. */
public final class Replica implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("medic serving on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern INSTANCE = Pattern.compile("scheduler instance (\\S+) \\(clustered");

    final String name;
    private final Process process;
    private final Path output;
    private int port;

    private Replica(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Starts {@code medic serve} with exactly {@code environment} for medic's settings; returns once it listens. */
    public static Replica start(String name, Map<String, String> environment, Path dir) throws IOException,
            InterruptedException {
        Path output = dir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve").redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("MEDIC_") || key.startsWith("SLACK_"));
        builder.environment().putAll(environment);
        Replica replica = new Replica(name, builder.start(), output);
        try {
            replica.port = replica.awaitPort();
        } catch (RuntimeException | Error e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    public int port() {
        return port;
    }

    /** The clustered scheduler's instance id this replica logged (what {@code runs.runner} records). */
    String instanceId() {
        Matcher matcher = INSTANCE.matcher(output());
        if (!matcher.find()) {
            throw new AssertionError(name + " logged no clustered scheduler instance:\n" + output());
        }
        return matcher.group(1);
    }

    /** What {@code medic.apply.Applier} names this replica in the host locks. */
    String applyHolder() {
        return "medic-" + process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no scheduler shutdown, no lock or lease released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL for 10 s");
        }
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "(no output)";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    private int awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(output());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start serving:\n" + output());
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 15 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

package medic.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An nginx master started by {@link NginxHarness#start}, running in the foreground on its own prefix, with
 * its configuration copied to {@link #configDir()} so tests and product code may edit and reload it.
 */
public final class RunningNginx implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);
    private static final String STDERR_FILE = "logs/stderr.txt";
    private static final String ERROR_LOG = "logs/error.log";

    private final NginxHarness harness;
    private final NginxPrefix prefix;
    private final Path mainConfig;
    private final Process master;

    private RunningNginx(NginxHarness harness, NginxPrefix prefix, Path mainConfig, Process master) {
        this.harness = harness;
        this.prefix = prefix;
        this.mainConfig = mainConfig;
        this.master = master;
    }

    static RunningNginx launch(NginxHarness harness, NginxPrefix prefix, Path mainConfig) {
        Process master = harness.spawn(flags(prefix, mainConfig), prefix, STDERR_FILE);
        return new RunningNginx(harness, prefix, mainConfig, master);
    }

    /** The flags every command on this instance shares, so {@code -t} and {@code -s reload} see the same files. */
    private static List<String> flags(NginxPrefix prefix, Path mainConfig) {
        return List.of("-p", prefix.argument(), "-c", mainConfig.toString(), "-e", ERROR_LOG,
                "-g", "daemon off; pid logs/nginx.pid;");
    }

    public Path prefix() {
        return prefix.root();
    }

    /** The live copy of the fixture's config directory. */
    public Path configDir() {
        return mainConfig.getParent();
    }

    public Path mainConfig() {
        return mainConfig;
    }

    /** {@code logs/error.log} in the prefix: nginx's log unless the fixture sent {@code error_log} elsewhere. */
    public Path errorLog() {
        return prefix.root().resolve(ERROR_LOG);
    }

    public String errorLogText() {
        return prefix.read(ERROR_LOG);
    }

    /** What the master wrote to stderr (start-up failures land here as well as in the error log). */
    public String stderrText() {
        return prefix.read(STDERR_FILE);
    }

    public long pid() {
        return master.pid();
    }

    public boolean isRunning() {
        return master.isAlive();
    }

    /** {@code nginx -t} on the live config, with the same prefix and flags as the running master. */
    public NginxResult test() {
        return harness.run(withFlags("-t"), prefix);
    }

    /**
     * {@code nginx -s reload}; when it passes, waits until the master has started a new worker, so the new
     * configuration serves the next connection (an open keep-alive connection stays with its old worker until
     * it closes). A failed result means the old configuration still runs.
     */
    public NginxResult reload() {
        Set<Long> oldWorkers = workerPids();
        NginxResult result = harness.run(withFlags("-s", "reload"), prefix);
        if (result.passed() && !awaitNewWorker(oldWorkers)) {
            throw new IllegalStateException("nginx accepted the reload signal but started no new worker within "
                    + RELOAD_TIMEOUT.toSeconds() + " s; error log:\n" + errorLogText());
        }
        return result;
    }

    /** Stops nginx (SIGTERM: fast shutdown) and keeps the prefix, so its logs can still be read. */
    public void stop() {
        List<ProcessHandle> workers = master.descendants().toList();
        master.destroy();
        try {
            if (!master.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            master.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops nginx and deletes its prefix. */
    @Override
    public void close() {
        stop();
        prefix.delete();
    }

    private List<String> withFlags(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(flags(prefix, mainConfig));
        return command;
    }

    private Set<Long> workerPids() {
        return master.children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean stoppedListening(long pid) {
        try {
            String title = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
            return !title.contains("worker process") || title.contains("shutting down");
        } catch (IOException e) {
            return true; // gone
        }
    }

    private boolean awaitNewWorker(Set<Long> oldWorkers) {
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && master.isAlive()) {
            // The old workers keep accepting on the shared sockets until they notice the signal: wait until each has
            // exited or says "shutting down" (it closed its listeners), so the next connection meets the new config.
            if (workerPids().stream().anyMatch(pid -> !oldWorkers.contains(pid))
                    && oldWorkers.stream().allMatch(RunningNginx::stoppedListening)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}

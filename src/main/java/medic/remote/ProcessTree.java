package medic.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends a local command with everything it started. The command runs as the leader of a new session
 * ({@code setsid}), so its process group also holds children already orphaned, which
 * {@link ProcessHandle#descendants()} cannot see.
 */
final class ProcessTree {

    private static final Optional<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid").stream()
            .filter(candidate -> Files.isExecutable(Path.of(candidate)))
            .findFirst();
    private static final long KILL_WAIT_SECONDS = 5;

    private ProcessTree() {
    }

    /** The program that makes the command a session (and process group) leader, where this system has it. */
    static Optional<String> sessionLeaderPrefix() {
        return SETSID;
    }

    /** Kills the process group (when setsid was used), then every descendant still known, then the process. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        // The group outlives its leader while any member lives, so its id cannot be reused meanwhile.
        if (SETSID.isPresent()) {
            killGroup(process.pid());
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killGroup(long groupId) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + groupId)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill program: the descendants and the process are still destroyed one by one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

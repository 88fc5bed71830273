package medic.remote;

import java.time.Duration;

/** What a command did: exit code, captured output (cut at a cap, marked), and how long it took. */
public record CommandResult(String command, int exitCode, String stdout, String stderr, boolean truncated,
                            Duration elapsed) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}

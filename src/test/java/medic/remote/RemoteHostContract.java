package medic.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import medic.remote.RemoteException.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link RemoteHost} must do, run against each implementation by a subclass. */
public abstract class RemoteHostContract {

    protected static final int ONE_MIB = 1 << 20;
    private static final Duration ENOUGH = Duration.ofSeconds(30);

    @TempDir
    protected Path directory;

    private RemoteHost host;

    /** A host whose commands and files are on this machine (over SSH to a local server, or local). */
    protected abstract RemoteHost newHost(int outputCapBytes);

    /** The name {@link #newHost} gives its host. */
    protected abstract String hostName();

    protected RemoteHost host() {
        if (host == null) {
            host = newHost(ONE_MIB);
        }
        return host;
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void runs_a_command_and_returns_exit_code_stdout_and_stderr() {
        CommandResult result = host().run("echo out; echo err >&2; exit 3", ENOUGH);

        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.truncated());
        assertFalse(result.succeeded());
    }

    @Test
    void runs_pipes_quotes_and_variables_through_the_shell() {
        CommandResult result = host().run("x=\"it's\"; printf '%s\\n' \"$x\" | tr a-z A-Z", ENOUGH);

        assertEquals("IT'S\n", result.stdout());
        assertTrue(result.succeeded());
    }

    @Test
    void passes_quoted_arguments_verbatim_and_never_executes_them() {
        Path canary = directory.resolve("canary");
        String touch = "touch " + canary;
        String hostile = "a; " + touch + "; $(" + touch + ") `" + touch + "` | " + touch + "\n" + touch
                + " ' \" \\ $HOME && " + touch + " #";

        CommandResult result = host().run("printf '%s' " + ShellQuote.single(hostile), ENOUGH);

        assertEquals(hostile, result.stdout());
        assertFalse(Files.exists(canary), "a quoted argument was executed");
    }

    @Test
    void gives_the_command_an_empty_stdin() {
        CommandResult result = host().run("cat; echo done", ENOUGH);

        assertEquals("done\n", result.stdout());
    }

    @Test
    void timeout_ends_the_command_and_everything_it_started() throws Exception {
        Path child = directory.resolve("child-ran");
        Path orphan = directory.resolve("orphan-ran");
        // The inner shell exits at once, so the orphan has no parent left in the command's process tree.
        String command = "/bin/sh -c '(sleep 3; touch " + orphan + ") &'; sleep 3; touch " + child;
        long started = System.nanoTime();

        RemoteException failure = assertThrows(RemoteException.class,
                () -> host().run(command, Duration.ofSeconds(1)));

        Duration returnedAfter = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Cause.TIMEOUT, failure.reason());
        assertEquals(hostName(), failure.host());
        assertTrue(failure.getMessage().contains("sleep 3"), failure.getMessage());
        assertTrue(returnedAfter.compareTo(Duration.ofMillis(2500)) < 0, "returned after " + returnedAfter);
        Thread.sleep(Math.max(0, Duration.ofMillis(5000).minus(returnedAfter).toMillis()));
        assertFalse(Files.exists(child), "the command went on after its timeout");
        assertFalse(Files.exists(orphan), "a background child went on after the timeout");
    }

    @Test
    void caps_fifty_megabytes_of_output_marks_it_truncated_and_returns() {
        CommandResult result = host().run("head -c 52428800 /dev/zero | tr '\\0' x; echo tail >&2", ENOUGH);

        assertEquals(0, result.exitCode());
        assertEquals(ONE_MIB, result.stdout().length());
        assertTrue(result.stdout().chars().allMatch(c -> c == 'x'));
        assertTrue(result.truncated());
        assertEquals("tail\n", result.stderr());
    }

    @Test
    void keeps_the_configured_cap_per_stream() {
        try (RemoteHost small = newHost(10)) {
            CommandResult result = small.run("echo 0123456789abcdef; echo short >&2", ENOUGH);

            assertEquals("0123456789", result.stdout());
            assertEquals("short\n", result.stderr());
            assertTrue(result.truncated());
        }
    }

    @Test
    void drains_stderr_while_stdout_is_still_to_come() {
        // 8 MB to stderr before the first stdout byte: undrained, stderr's pipe or window fills and both stall.
        CommandResult result = host().run("head -c 8000000 /dev/zero >&2; echo out", ENOUGH);

        assertEquals("out\n", result.stdout());
        assertEquals(ONE_MIB, result.stderr().length());
        assertTrue(result.truncated());
    }

    @Test
    void replaces_a_file_atomically_keeping_its_mode_and_leaving_no_temporary_file() throws IOException {
        Path file = directory.resolve("nginx.conf");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        host().writeAtomically(file.toString(), "new\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, entries(directory), "a temporary file was left behind");
    }

    @Test
    void creates_a_file_that_did_not_exist() throws IOException {
        Path file = directory.resolve("new.conf");

        host().writeAtomically(file.toString(), "first\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("first\n", Files.readString(file));
    }

    @Test
    void upload_into_a_missing_directory_fails_as_a_transfer_failure() {
        Path file = directory.resolve("missing/nginx.conf");

        RemoteException failure = assertThrows(RemoteException.class,
                () -> host().writeAtomically(file.toString(), "x".getBytes(StandardCharsets.UTF_8)));

        assertEquals(Cause.TRANSFER_FAILED, failure.reason());
        assertEquals("write", failure.step());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void failed_rename_leaves_the_original_and_removes_the_temporary_file() throws IOException {
        // A non-empty directory cannot be replaced by a file: the upload works, the rename fails.
        Path target = directory.resolve("conf.d");
        Files.createDirectory(target);
        Files.writeString(target.resolve("site.conf"), "original\n");

        RemoteException failure = assertThrows(RemoteException.class,
                () -> host().writeAtomically(target.toString(), "x".getBytes(StandardCharsets.UTF_8)));

        assertEquals(Cause.TRANSFER_FAILED, failure.reason());
        assertEquals("original\n", Files.readString(target.resolve("site.conf")));
        assertEquals(1, entries(directory), "a temporary file was left behind");
    }

    @Test
    void reads_a_whole_file() throws IOException {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(directory.resolve("error.log"), content);

        assertArrayEquals(content, host().read(file.toString(), content.length));
    }

    @Test
    void refuses_to_read_a_file_over_the_limit() throws IOException {
        Path file = Files.writeString(directory.resolve("error.log"), "0123456789");

        RemoteException failure = assertThrows(RemoteException.class, () -> host().read(file.toString(), 9));

        assertEquals(Cause.OUTPUT_TOO_LARGE, failure.reason());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void reading_a_missing_file_names_it() {
        String missing = directory.resolve("absent.log").toString();

        RemoteException failure = assertThrows(RemoteException.class, () -> host().read(missing, 100));

        assertEquals("read", failure.step());
        assertTrue(failure.getMessage().contains(missing), failure.getMessage());
    }

    private static long entries(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.count();
        }
    }
}

package medic.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import medic.remote.RemoteException.Cause;

/**
 * The host medic itself runs on ({@code transport: local}): commands through {@code /bin/sh -c} as child
 * processes, files through java.nio. Same contract as over SSH: on timeout the whole process tree ends.
 */
public final class LocalHost implements RemoteHost {

    /** Output kept per stream unless told otherwise: 1 MiB. */
    public static final int DEFAULT_OUTPUT_CAP_BYTES = 1 << 20;

    private static final Duration TUNNEL_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final int outputCapBytes;
    private final LocalFiles files;

    public LocalHost(String name) {
        this(name, DEFAULT_OUTPUT_CAP_BYTES);
    }

    public LocalHost(String name, int outputCapBytes) {
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("output cap must be zero or more bytes, not " + outputCapBytes);
        }
        this.name = name;
        this.outputCapBytes = outputCapBytes;
        this.files = new LocalFiles(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult run(String command, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Process process = start(command);
        try {
            process.getOutputStream().close();
            OutputDrain drain = OutputDrain.start(process.getInputStream(), process.getErrorStream(), outputCapBytes);
            boolean exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            // A background child still holding stdout open keeps the drain going after the shell exited.
            if (!exited || !drain.awaitEnd(deadline)) {
                ProcessTree.kill(process);
                throw new RemoteException(name, "run", Cause.TIMEOUT, "command did not finish within "
                        + Durations.describe(timeout) + " and was ended with its child processes: "
                        + Commands.abbreviate(command), null);
            }
            return new CommandResult(command, process.exitValue(), drain.stdout().text(), drain.stderr().text(),
                    drain.truncated(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            ProcessTree.kill(process);
            throw new RemoteException(name, "run", Cause.COMMAND_FAILED, "reading the output of "
                    + Commands.abbreviate(command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new RemoteException(name, "run", Cause.TIMEOUT, "interrupted while running "
                    + Commands.abbreviate(command), e);
        }
    }

    @Override
    public byte[] read(String path, long maxBytes) {
        return files.read(Path.of(path), maxBytes);
    }

    @Override
    public void writeAtomically(String path, byte[] content) {
        files.writeAtomically(path, content);
    }

    @Override
    public Tunnel openTunnel(String host, int port) {
        return SocketTunnel.open(name, host, port, TUNNEL_CONNECT_TIMEOUT);
    }

    @Override
    public void close() {
        // Nothing stays open between calls.
    }

    private Process start(String command) {
        List<String> argv = new ArrayList<>();
        ProcessTree.sessionLeaderPrefix().ifPresent(argv::add);
        argv.addAll(List.of("/bin/sh", "-c", command));
        try {
            return new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new RemoteException(name, "run", Cause.CONFIG, "cannot start /bin/sh for "
                    + Commands.abbreviate(command) + ": " + e.getMessage(), e);
        }
    }
}

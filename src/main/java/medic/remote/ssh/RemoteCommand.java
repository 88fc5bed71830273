package medic.remote.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import medic.remote.CommandResult;
import medic.remote.Commands;
import medic.remote.Durations;
import medic.remote.OutputDrain;
import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.remote.ShellQuote;
import medic.remote.ssh.SshConnection.ChannelSlot;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Runs one command on a connection: under the remote {@code timeout} program (closing the channel does not
 * stop a process on the host), in a capped channel slot, with stdout and stderr drained together.
 */
final class RemoteCommand {

    private static final String TIMEOUT_PROBE = "timeout --kill-after=1s 10s true";
    private static final long EXIT_STATUS_WAIT_SECONDS = 5;
    private static final ExecutorService CLOSERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "medic-ssh-channel-close");
        thread.setDaemon(true);
        return thread;
    });

    private RemoteCommand() {
    }

    static CommandResult run(SshConnection connection, String command, Duration timeout, SshOptions options) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        requireTimeoutProgram(connection, options);
        Exec exec = exec(connection, wrap(command, timeout, options.killAfter()), command, deadline,
                options.outputCapBytes(), timeout);
        return new CommandResult(command, exec.exitCode, exec.drain.stdout().text(), exec.drain.stderr().text(),
                exec.drain.truncated(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The command under {@code timeout}: TERM one second after the caller gives up, KILL {@code killAfter}
     * later, to the command's whole process group.
     */
    static String wrap(String command, Duration timeout, Duration killAfter) {
        long remoteSeconds = (timeout.toMillis() + 999) / 1000 + 1;
        long killSeconds = Math.max(1, (killAfter.toMillis() + 999) / 1000);
        return "timeout --kill-after=" + killSeconds + "s " + remoteSeconds + "s /bin/sh -c "
                + ShellQuote.single(command);
    }

    private static void requireTimeoutProgram(SshConnection connection, SshOptions options) {
        if (connection.timeoutProgramChecked()) {
            return;
        }
        Duration probeTimeout = options.connectTimeout();
        Exec probe = exec(connection, TIMEOUT_PROBE, TIMEOUT_PROBE, System.nanoTime() + probeTimeout.toNanos(),
                4096, probeTimeout);
        if (probe.exitCode != 0) {
            throw new RemoteException(connection.target().name(), "run", Cause.CONFIG, "the host has no usable GNU"
                    + " `timeout` (`" + TIMEOUT_PROBE + "` exited " + probe.exitCode + ": "
                    + probe.drain.stderr().text().strip() + "); install coreutils: medic needs it to end commands"
                    + " that run over time", null);
        }
        connection.markTimeoutProgramChecked();
    }

    private record Exec(int exitCode, OutputDrain drain) {
    }

    private static Exec exec(SshConnection connection, String commandLine, String command, long deadline,
                             int outputCapBytes, Duration timeout) {
        String host = connection.target().name();
        ChannelSlot slot = null;
        Session session = null;
        try {
            slot = connection.acquireChannel(deadline);
            if (slot == null) {
                throw timedOut(host, command, timeout, "waited for a free channel on the connection");
            }
            session = connection.openSession("run", deadline);
            Session.Command running = session.exec(commandLine);
            running.getOutputStream().close();
            OutputDrain drain = OutputDrain.start(running.getInputStream(), running.getErrorStream(), outputCapBytes);
            if (!drain.awaitEnd(deadline)) {
                closeInBackground(session, slot);
                session = null;
                slot = null;
                throw timedOut(host, command, timeout, "ended it (the host's `timeout` kills what is left)");
            }
            running.join(EXIT_STATUS_WAIT_SECONDS, TimeUnit.SECONDS);
            return new Exec(exitCode(running, host, command), drain);
        } catch (IOException e) {
            throw SshFailures.unreachable(connection.target(), "run", new IOException("connection lost while running "
                    + Commands.abbreviate(command) + ": " + SshFailures.describe(e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(host, "run", Cause.TIMEOUT, "interrupted while running "
                    + Commands.abbreviate(command), e);
        } finally {
            closeQuietly(session);
            if (slot != null) {
                slot.close();
            }
        }
    }

    private static int exitCode(Session.Command running, String host, String command) {
        Integer status = running.getExitStatus();
        if (status != null) {
            return status;
        }
        if (running.getExitSignal() != null) {
            return 128 + Signals.number(running.getExitSignal());
        }
        throw new RemoteException(host, "run", Cause.COMMAND_FAILED, "the server closed the channel without an exit"
                + " status for " + Commands.abbreviate(command), null);
    }

    private static RemoteException timedOut(String host, String command, Duration timeout, String action) {
        return new RemoteException(host, "run", Cause.TIMEOUT, "no result within " + Durations.describe(timeout)
                + " for " + Commands.abbreviate(command) + "; medic " + action, null);
    }

    /**
     * The server may confirm the close only once the process is gone, so the caller does not wait for it;
     * the channel slot is freed once the close is through, keeping within the server's session limit.
     */
    private static void closeInBackground(Session session, ChannelSlot slot) {
        CLOSERS.execute(() -> {
            try {
                closeQuietly(session);
            } finally {
                slot.close();
            }
        });
    }

    private static void closeQuietly(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (IOException e) {
            // The command's result (or its failure) is already known; a failed close changes nothing.
        }
    }
}

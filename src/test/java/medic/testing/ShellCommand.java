package medic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request run as OpenSSH runs it: {@code /bin/sh -c <command>} as the current user, in a working
 * directory. Closing the channel does not kill the process (OpenSSH does not either, without a pty), so
 * tests can prove the client's own timeout handling ends it.
 */
final class ShellCommand implements Command {

    private final String command;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Set<Process> running;
    private InputStream channelInput;
    private OutputStream channelOutput;
    private OutputStream channelError;
    private ExitCallback exitCallback;
    private Process process;

    ShellCommand(String command, Path workingDirectory, Map<String, String> environment, Set<Process> running) {
        this.command = command;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.running = running;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.channelInput = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.channelOutput = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.channelError = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workingDirectory.toFile());
        builder.environment().putAll(this.environment);
        process = builder.start();
        running.add(process);
        Thread stdout = pump(process.getInputStream(), channelOutput, "stdout");
        Thread stderr = pump(process.getErrorStream(), channelError, "stderr");
        pump(channelInput, process.getOutputStream(), "stdin");
        Thread waiter = new Thread(() -> finish(stdout, stderr), "ssh-test-exit " + command);
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            // Like OpenSSH: the pipes close, the process runs on until it writes to one or ends.
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
        }
    }

    private void finish(Thread stdout, Thread stderr) {
        try {
            int exit = process.waitFor();
            stdout.join();
            stderr.join();
            running.remove(process);
            exitCallback.onExit(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (from; to) {
                int read;
                while ((read = from.read(buffer)) != -1) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException e) {
                // The channel or the process went away; the exit callback reports the rest.
            }
        }, "ssh-test-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}

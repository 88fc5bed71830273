package medic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's real nginx on fixture configs: {@code nginx -t} as the oracle for "does this config load",
 * and a live master on loopback for traffic, reloads and error-log captures.
 *
 * <p>Everything nginx writes goes to a temporary prefix ({@code -p}) with {@code logs/} and {@code temp/};
 * the system's /etc/nginx, /var/log/nginx, /var/lib/nginx and /run/nginx.pid are never used. What fixtures
 * must do for that to hold:
 * <ul>
 *   <li>name no system path: {@code error_log}, {@code pid}, {@code access_log} and {@code *_temp_path} are
 *       relative, so nginx resolves them against the prefix ({@code logs/error.log}, {@code temp/proxy});
 *       {@code include} paths are relative too and resolve against the main file's directory. A fixture
 *       naming /etc/nginx, /var/log/nginx... outside a comment is refused with its file and line;</li>
 *   <li>set {@code access_log} (e.g. {@code logs/access.log} or {@code off}) and the five temp paths
 *       ({@code client_body_temp_path temp/body; proxy_temp_path temp/proxy; fastcgi_temp_path temp/fastcgi;
 *       uwsgi_temp_path temp/uwsgi; scgi_temp_path temp/scgi;}) in {@code http}, because Debian compiles in
 *       /var/log/nginx/access.log and /var/lib/nginx/* as defaults;</li>
 *   <li>for {@link #start}: set neither {@code daemon} nor {@code pid} (the harness passes
 *       {@code -g "daemon off; pid logs/nginx.pid;"}) and listen on 127.0.0.1 at a placeholder port such as
 *       {@code @PORT@}. {@code user} may stay out: under root the workers then run as {@code nobody};
 *       a {@code user} line must name an existing account;</li>
 *   <li>leave {@code error_log} out, or point it at {@code logs/error.log}, to read it with
 *       {@link RunningNginx#errorLogText()}.</li>
 * </ul>
 */
public final class NginxHarness {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;

    public NginxHarness(Path binary) {
        this.binary = binary;
    }

    /** The harness for the nginx on this machine; pair with {@code @RequiresProgram("nginx")}. */
    public static NginxHarness installed() {
        return new NginxHarness(Programs.locate("nginx").orElseThrow(() -> new IllegalStateException(
                "nginx not installed: apt-get install -y nginx (and annotate the test @RequiresProgram(\"nginx\"))")));
    }

    public Path binary() {
        return binary;
    }

    /**
     * {@code nginx -t} on {@code configDir/mainFile} in place, so messages name the fixture's own file and line.
     * Errors go to stderr ({@code -e stderr}); the temporary prefix is deleted afterwards.
     */
    public NginxResult test(Path configDir, String mainFile) {
        SystemPathGuard.check(configDir);
        NginxPrefix prefix = NginxPrefix.create();
        try {
            Path main = configDir.resolve(mainFile).toAbsolutePath().normalize();
            return run(List.of("-t", "-p", prefix.argument(), "-c", main.toString(), "-e", "stderr"), prefix);
        } finally {
            prefix.delete();
        }
    }

    /**
     * Starts an nginx master in the foreground on a copy of {@code configDir} (placeholders replaced, e.g.
     * {@code Map.of("@PORT@", "41234")}) and returns once 127.0.0.1:{@code readyPort} accepts connections.
     * Close the result to stop nginx and delete its prefix.
     */
    public RunningNginx start(Path configDir, String mainFile, Map<String, String> placeholders, int readyPort) {
        SystemPathGuard.check(configDir);
        NginxPrefix prefix = NginxPrefix.create();
        try {
            Path main = prefix.copyConfig(configDir, placeholders).resolve(mainFile);
            RunningNginx nginx = RunningNginx.launch(this, prefix, main);
            if (!Ports.awaitOpen(readyPort, START_TIMEOUT, nginx::isRunning)) {
                nginx.stop();
                throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + readyPort + " within "
                        + START_TIMEOUT.toSeconds() + " s (see NginxHarness for what fixtures must leave out)."
                        + "\nstderr:\n" + nginx.stderrText() + "\nerror log:\n" + nginx.errorLogText());
            }
            return nginx;
        } catch (RuntimeException e) {
            prefix.delete();
            throw e;
        }
    }

    /** Runs nginx with {@code arguments} to completion and returns its exit status and stderr. */
    NginxResult run(List<String> arguments, NginxPrefix prefix) {
        String stderr = "logs/command-stderr.txt";
        Process process = spawn(arguments, prefix, stderr);
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("nginx " + String.join(" ", arguments) + " did not finish within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            return NginxResult.of(process.exitValue(), prefix.read(stderr));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running nginx " + String.join(" ", arguments), e);
        }
    }

    /** Starts nginx with {@code arguments}; stderr goes to a file in the prefix, so no pipe can fill up. */
    Process spawn(List<String> arguments, NginxPrefix prefix, String stderrFile) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(prefix.root().resolve(stderrFile).toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
    }
}

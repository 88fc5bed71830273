package medic.nginx.harden;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import medic.nginx.model.NginxVersion;

/** Runs the real nginx and patch programs on test output; tests skip, saying why, when one is missing. */
final class RealTools {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path PATCH = Path.of("/usr/bin/patch");

    /** What a program said and how it exited. */
    record Run(int exit, String output) { }

    private RealTools() {
    }

    static void requireNginx() {
        if (!Files.isExecutable(NGINX)) {
            System.err.println("SKIPPED: " + NGINX + " is missing, hardened configs are not checked with nginx -t");
        }
        assumeTrue(Files.isExecutable(NGINX), NGINX + " is missing (apt-get install nginx-light)");
    }

    static void requirePatch() {
        if (!Files.isExecutable(PATCH)) {
            System.err.println("SKIPPED: " + PATCH + " is missing, diffs are not checked with patch");
        }
        assumeTrue(Files.isExecutable(PATCH), PATCH + " is missing (apt-get install patch)");
    }

    /** {@code nginx -t} on {@code config} with a fresh prefix holding the logs directory nginx -t opens. */
    static Run nginxTest(Path config) {
        requireNginx();
        try {
            Path prefix = Files.createTempDirectory("medic-nginx-t");
            Files.createDirectories(prefix.resolve("logs"));
            return run(prefix, null, NGINX.toString(), "-t", "-p", prefix + "/", "-c", config.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The installed nginx's version, from {@code nginx -v}. */
    static NginxVersion nginxVersion() {
        requireNginx();
        return NginxVersion.parse(run(Path.of("/"), null, NGINX.toString(), "-v").output());
    }

    /** {@code patch -p1} (with extra options) reading {@code diff} in {@code dir}. */
    static Run patch(Path dir, String diff, String... options) {
        requirePatch();
        String[] command = new String[options.length + 3];
        command[0] = PATCH.toString();
        command[1] = "-p1";
        command[2] = "--batch";
        System.arraycopy(options, 0, command, 3, options.length);
        return run(dir, diff, command);
    }

    private static Run run(Path dir, String input, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30s");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies a directory tree (fixtures) into a fresh temporary directory. */
    static Path copy(Path from) {
        try {
            Path to = Files.createTempDirectory("medic-harden");
            try (var walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the proposal's edited files under {@code base} by their relative paths. */
    static void write(Path base, Proposal proposal) {
        try {
            for (FileChange file : proposal.files()) {
                if (file.relativePath().startsWith("/")) {
                    throw new IllegalStateException(file.path() + " lies outside the copied fixture directory");
                }
                Path target = base.resolve(file.relativePath());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.after(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

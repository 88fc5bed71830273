package medic.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import medic.MedicException;

/**
 * Debian's nginx running the demo's broken site in a temporary prefix, in the foreground under this process.
 * A wrapper script carries the prefix flags, so the inventory's binary and reload reach this instance.
 */
final class DemoNginx implements AutoCloseable {
    static final String INSTALL_HINT = "medic demo needs nginx: install it with `apt-get install -y nginx` "
            + "(Debian/Ubuntu; medic runs its own copy on loopback, the system service is not used)";
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path prefix;
    private final Path wrapper;
    private final Process master;

    private DemoNginx(Path prefix, Path wrapper, Process master) {
        this.prefix = prefix;
        this.wrapper = wrapper;
        this.master = master;
    }

    /** The nginx binary on this machine, from PATH or where Debian puts it. */
    static Optional<Path> binary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "nginx");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return USUAL_PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Writes the site into {@code prefix}, starts nginx on {@code port} and waits until it listens. */
    static DemoNginx start(Path binary, Path prefix, int port, int backendA, int backendB) throws IOException {
        for (String dir : List.of("conf", "logs", "temp")) {
            Files.createDirectories(prefix.resolve(dir));
        }
        // Workers run as nobody when medic runs as root: they must reach the prefix and write its temp dirs.
        for (Path dir = prefix; dir != null && dir.startsWith(prefix.getParent()); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(prefix.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(prefix.resolve("conf/nginx.conf"), template().replace("@PORT@", Integer.toString(port))
                .replace("@BACKEND_A@", Integer.toString(backendA)).replace("@BACKEND_B@", Integer.toString(backendB)));
        Path wrapper = prefix.resolve("nginx-in-prefix");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + binary + "' -p '" + prefix + "/' -g 'daemon off;' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process master = new ProcessBuilder(wrapper.toString(), "-c", prefix.resolve("conf/nginx.conf").toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(prefix.resolve("logs/stderr.txt").toFile()).start();
        DemoNginx nginx = new DemoNginx(prefix, wrapper, master);
        nginx.awaitListening(port);
        return nginx;
    }

    Path wrapper() {
        return wrapper;
    }

    Path config() {
        return prefix.resolve("conf/nginx.conf");
    }

    Path errorLog() {
        return prefix.resolve("logs/error.log");
    }

    private void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new MedicException("nginx did not start for the demo: " + read(prefix.resolve("logs/stderr.txt"))
                        .strip() + " (config " + config() + ")");
            }
            try (java.net.Socket probe = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50); // polling a port: there is nothing to wait on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MedicException("interrupted while waiting for the demo's nginx to listen");
                }
            }
        }
        throw new MedicException("the demo's nginx did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + errorLog());
    }

    private static String template() throws IOException {
        try (InputStream in = DemoNginx.class.getResourceAsStream("/medic/demo/nginx.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** Stops nginx (SIGTERM to the master, then its workers) and leaves the prefix for the caller to delete. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> workers = master.descendants().toList();
        master.destroy();
        if (!master.waitFor(10, TimeUnit.SECONDS)) {
            master.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

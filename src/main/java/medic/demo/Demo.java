package medic.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import medic.MedicException;
import medic.console.ConsoleRoutes;
import medic.console.ConsoleSettings;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.store.DatabaseSettings;

/**
 * {@code medic demo}, the whole story on loopback: a broken nginx site in a temporary prefix in front of a
 * WebSocket backend that resets what it cannot upgrade, steady traffic that makes nginx log real resets, and
 * {@code medic serve} with embedded H2, the log watcher on the host (local transport) and the console in place of
 * Slack. Closing stops it all and deletes the temporary directory.
 */
public final class Demo implements AutoCloseable {
    /** The channel and user the console stands for: the user is the channel's only approver. */
    public static final String CHANNEL = "C0MEDICDEMO";
    public static final String CONSOLE_USER = "U0CONSOLE";
    public static final String HOST = "demo-edge";
    private static final Duration TRAFFIC_EVERY = Duration.ofMillis(500);

    private final Path dir;
    private final ResettingUpstream upstream;
    private final DemoNginx nginx;
    private final Traffic traffic;
    private final Medic medic;
    private final ConsoleSettings console;

    private Demo(Path dir, ResettingUpstream upstream, DemoNginx nginx, Traffic traffic, Medic medic,
                 ConsoleSettings console) {
        this.dir = dir;
        this.upstream = upstream;
        this.nginx = nginx;
        this.traffic = traffic;
        this.medic = medic;
        this.console = console;
    }

    /**
     * Starts the demo with medic on {@code port} (0: any free port).
     *
     * @throws MedicException when nginx is not installed (saying how to install it) or a part cannot start
     */
    public static Demo start(int port) {
        Path nginxBinary = DemoNginx.binary().orElseThrow(() -> new MedicException(DemoNginx.INSTALL_HINT));
        Path dir;
        try {
            dir = Files.createTempDirectory("medic-demo-");
        } catch (IOException e) {
            throw new MedicException("cannot create the demo's temporary directory: " + e.getMessage(), e);
        }
        ResettingUpstream upstream = null;
        DemoNginx nginx = null;
        Traffic traffic = null;
        try {
            upstream = ResettingUpstream.start();
            int nginxPort = freePort();
            nginx = DemoNginx.start(nginxBinary, dir.resolve("nginx"), nginxPort, upstream.port(), upstream.port());
            writeInventory(dir, nginx);
            writeRunbook(dir);
            ConsoleSettings console = ConsoleSettings.withRandomToken(CONSOLE_USER, CHANNEL);
            traffic = Traffic.start(nginxPort, TRAFFIC_EVERY);
            Medic medic = Medic.start(MedicSettings.load(Optional.empty(), environment(dir, port)), List.of(),
                    Clock.systemUTC(), Optional.of(console));
            return new Demo(dir, upstream, nginx, traffic, medic, console);
        } catch (IOException e) {
            closeQuietly(traffic, nginx, upstream);
            delete(dir);
            throw new MedicException("cannot set up the demo in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(traffic, nginx, upstream);
            delete(dir);
            throw e;
        }
    }

    /** The console's address, login token included (in the fragment, which the browser keeps to itself). */
    public String consoleUrl() {
        return "http://127.0.0.1:" + medic.port() + ConsoleRoutes.PATH + "#token=" + console.token();
    }

    public int port() {
        return medic.port();
    }

    public String token() {
        return console.token();
    }

    /** The live nginx config medic diagnoses and changes. */
    public Path nginxConfig() {
        return nginx.config();
    }

    /** WebSocket handshakes through nginx that worked, and that failed, so far. */
    public long upgraded() {
        return traffic.upgraded();
    }

    public long failed() {
        return traffic.failed();
    }

    public void awaitClosed() throws InterruptedException {
        medic.awaitClosed();
    }

    @Override
    public void close() {
        traffic.close();
        medic.close();
        closeQuietly(null, nginx, upstream);
        delete(dir);
    }

    static Map<String, String> environment(Path dir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIC_BIND", "127.0.0.1");
        env.put("MEDIC_PORT", Integer.toString(port));
        env.put("MEDIC_DB_URL", DatabaseSettings.h2File(dir.resolve("db/medic")).url());
        env.put("MEDIC_INVENTORY", dir.resolve("inventory.yaml").toString());
        env.put("MEDIC_RUNBOOKS", dir.resolve("runbooks").toString());
        env.put("MEDIC_WEBHOOK_TOKEN", ConsoleSettings.withRandomToken(CONSOLE_USER, CHANNEL).token());
        env.put("MEDIC_APPROVE_USERS", CONSOLE_USER);
        env.put("MEDIC_DIAGNOSE_USERS", CONSOLE_USER);
        env.put("MEDIC_WATCH_ENABLED", "true");
        env.put("MEDIC_WATCH_INTERVAL", "2s");
        env.put("MEDIC_WATCH_THRESHOLD", "5");
        env.put("MEDIC_SHUTDOWN_TIMEOUT", "5s");
        return env;
    }

    private static void writeInventory(Path dir, DemoNginx nginx) throws IOException {
        Files.writeString(dir.resolve("inventory.yaml"), "# medic demo: the nginx this process started, reached "
                + "without SSH.\nhosts:\n"
                + "  - name: " + HOST + "\n"
                + "    transport: local\n"
                + "    nginx:\n"
                + "      binary: " + nginx.wrapper() + "\n"
                + "      config: " + nginx.config() + "\n"
                + "      error_logs: [" + nginx.errorLog() + "]\n"
                + "      reload: \"'" + nginx.wrapper() + "' -s reload -c '" + nginx.config() + "'\"\n");
    }

    private static void writeRunbook(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("runbooks"));
        try (InputStream in = Demo.class.getResourceAsStream("/runbooks/nginx-upstream-reset.yaml")) {
            Files.copy(in, dir.resolve("runbooks/nginx-upstream-reset.yaml"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(Traffic traffic, DemoNginx nginx, ResettingUpstream upstream) {
        if (traffic != null) {
            traffic.close();
        }
        try {
            if (nginx != null) {
                nginx.close();
            }
            if (upstream != null) {
                upstream.close();
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's directory " + dir, e);
        }
    }
}

package medic.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import medic.replicas.Replica;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.store.DatabaseSettings;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.PostgresDatabase;
import medic.testing.RunningNginx;
import medic.testing.TestResources;

/**
 * The storm's {@code medic serve}: one replica in this JVM (embedded H2, or PostgreSQL), or several replicas as
 * child JVMs on one PostgreSQL schema (clustered scheduler) behind Debian's nginx balancing round-robin over their
 * webhook ports, as users would run them. {@link #url()} is where the load generator sends the webhook.
 */
final class StormDeployment implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final DatabaseSettings database;
    private final String url;
    private final String description;

    StormDeployment(StormWorld world, int replicas, boolean postgres, Path dir) throws Exception {
        try {
            if (replicas == 1 && !postgres) {
                database = DatabaseSettings.h2File(dir.resolve("db/medic"));
                Medic medic = start(world, Map.of("MEDIC_DB_URL", database.url()));
                url = "http://127.0.0.1:" + medic.port();
                description = "1 replica in this JVM, embedded H2";
                return;
            }
            PostgresDatabase schema = PostgresDatabase.freshSchema();
            parts.add(schema);
            database = schema.settings();
            Map<String, String> settings = new HashMap<>(Map.of("MEDIC_DB_URL", database.url(), "MEDIC_DB_USER",
                    database.user(), "MEDIC_DB_PASSWORD", database.password()));
            if (replicas == 1) {
                Medic medic = start(world, settings);
                url = "http://127.0.0.1:" + medic.port();
                description = "1 replica in this JVM, PostgreSQL";
                return;
            }
            settings.put("MEDIC_SCHEDULER_CLUSTERED", "true");
            List<Replica> started = children(world.environment(settings), replicas, dir);
            int port = Ports.freePort();
            String servers = started.stream().map(r -> "server 127.0.0.1:" + r.port() + ";")
                    .collect(Collectors.joining(" "));
            RunningNginx balancer = NginxHarness.installed().start(TestResources.path("bench/storm-balancer"),
                    "nginx.conf", Map.of("@PORT@", Integer.toString(port), "@SERVERS@", servers), port);
            parts.add(balancer);
            url = "http://127.0.0.1:" + port;
            description = replicas + " replicas (child JVMs, clustered) on PostgreSQL behind nginx round-robin";
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private Medic start(StormWorld world, Map<String, String> settings) {
        Medic medic = Medic.start(MedicSettings.load(Optional.empty(), world.environment(settings)), List.of(),
                Clock.systemUTC());
        parts.add(medic);
        return medic;
    }

    /** Started together, as an orchestrator would: they migrate the fresh schema concurrently. */
    private List<Replica> children(Map<String, String> environment, int count, Path dir) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(count);
        try {
            List<Future<Replica>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "replica-" + (i + 1);
                futures.add(starts.submit(() -> Replica.start(name, environment, dir)));
            }
            List<Replica> started = new ArrayList<>();
            for (Future<Replica> future : futures) {
                started.add(future.get());
                parts.add(started.get(started.size() - 1));
            }
            return started;
        } finally {
            starts.shutdown();
        }
    }

    /** The webhook's address: medic's own port, or the balancer's. */
    String url() {
        return url;
    }

    DatabaseSettings database() {
        return database;
    }

    String description() {
        return description;
    }

    /** Replicas first (each drains what it holds), then the balancer and the schema. */
    @Override
    public void close() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("storm: cannot stop " + parts.get(i) + ": " + e.getMessage());
            }
        }
    }
}

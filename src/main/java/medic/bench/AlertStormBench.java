package medic.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import medic.alert.AlertmanagerWebhook;
import medic.alert.WebhookAuth;
import medic.incident.AlertIntake;
import medic.incident.HostMapping;
import medic.incident.IntakeSettings;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * The alert storm: {@code AlertStormBench [SECONDS] [RATE] [CONNECTIONS] [WARMUP_SECONDS]} (60 s at 500
 * requests/s over 8 HTTP clients after 5 s of warm-up by default). A real Javalin serves the webhook on an
 * embedded H2 file with medic's default settings; 2,000 alerts in 100 host/upstream groups flap firing/resolved
 * and each request carries 10 of one group. Requests leave on a fixed schedule whatever the answers (open loop),
 * and latency counts from the scheduled send, so a stalled server shows. Then the database is checked: every
 * accepted occurrence stored (none lost, none invented), one incident per group, events counted.
 */
public final class AlertStormBench {

    private static final String TOKEN = "storm-token";
    private static final int ALERTS_PER_REQUEST = 10;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path directory = Files.createTempDirectory("medic-storm");
        StormFleet fleet = new StormFleet(20, 2_000, Instant.now());
        StormEvents events = new StormEvents();
        IntakeSettings settings = IntakeSettings.defaults();
        try (Database database = Database.open(DatabaseSettings.h2File(directory.resolve("medic")))) {
            AlertIntake intake = new AlertIntake(database, new HostMapping(fleet.inventory(), settings), settings,
                    events, Clock.systemUTC());
            AlertmanagerWebhook webhook = new AlertmanagerWebhook(new WebhookAuth(TOKEN, null, null),
                    AlertmanagerWebhook.DEFAULT_MAX_BODY_BYTES, intake);
            Javalin app = Javalin.create(config -> config.routes.post(AlertmanagerWebhook.PATH, webhook))
                    .start("127.0.0.1", 0);
            try {
                URI uri = URI.create("http://127.0.0.1:" + app.port() + AlertmanagerWebhook.PATH);
                int warmupRequests = warmup * rate;
                double cpuBefore = StormCheck.processCpuSeconds();
                StormRun run = drive(fleet, uri, rate, warmupRequests + seconds * rate, connections);
                double cpu = StormCheck.processCpuSeconds() - cpuBefore;
                report(args, seconds, rate, connections, warmup, run, warmupRequests, database, events, fleet);
                System.out.printf(Locale.ROOT, "CPU: %.1f s for the whole run (server and load generator), %.2f ms per"
                        + " request%n", cpu, cpu * 1000 / run.latencies().length);
                System.out.println("CPU by role (" + StormCheck.cpuByRole() + ")");
            } finally {
                app.stop();
            }
        }
    }

    /** What the senders saw: per request its latency (ns, from the scheduled send) and status. */
    record StormRun(long[] latencies, AtomicIntegerArray statuses, Set<String> acceptedOccurrences, long alertsSent,
                    long wallNanos) {
    }

    private static StormRun drive(StormFleet fleet, URI uri, int rate, int total, int connections) throws Exception {
        HttpClient[] clients = new HttpClient[connections];
        for (int i = 0; i < connections; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }
        long[] latencies = new long[total];
        AtomicIntegerArray statuses = new AtomicIntegerArray(total);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[total];
        long intervalNanos = 1_000_000_000L / rate;
        long alertsSent = 0;
        long start = System.nanoTime();
        for (int k = 0; k < total; k++) {
            long scheduled = start + k * intervalNanos;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            List<StormFleet.AlertState> states = fleet.request(k, ALERTS_PER_REQUEST, Instant.now());
            alertsSent += states.size();
            int group = states.get(0).group();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(fleet.payload(states, group))).build();
            int index = k;
            inFlight[k] = clients[k % connections].sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        latencies[index] = System.nanoTime() - scheduled;
                        statuses.set(index, failure == null ? response.statusCode() : -1);
                        if (failure == null && response.statusCode() == 202) {
                            states.forEach(s -> accepted.add(s.fingerprint() + "@" + micros(s.startsAt())));
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(inFlight).get(2, TimeUnit.MINUTES);
        return new StormRun(latencies, statuses, accepted, alertsSent, System.nanoTime() - start);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static void report(String[] args, int seconds, int rate, int connections, int warmup, StormRun run,
                               int warmupRequests, Database database, StormEvents events, StormFleet fleet)
            throws Exception {
        long[] measured = java.util.Arrays.copyOfRange(run.latencies(), warmupRequests, run.latencies().length);
        java.util.Map<Integer, Integer> counts = StormCheck.statusCounts(run.statuses());
        StormCheck.Stored stored = StormCheck.stored(database);
        Set<String> lost = new java.util.HashSet<>(run.acceptedOccurrences());
        lost.removeAll(stored.occurrences());
        Set<String> invented = new java.util.HashSet<>(stored.occurrences());
        invented.removeAll(run.acceptedOccurrences());
        System.out.printf(Locale.ROOT, "AlertStormBench %s: %d s at %d requests/s (+%d s warm-up), %d alerts/request,"
                        + " %d alerts in %d groups, %d HTTP clients, %d cores, load %s%n", String.join(" ", args),
                seconds, rate, warmup, ALERTS_PER_REQUEST, fleet.groups() * fleet.perGroup(), fleet.groups(),
                connections, Runtime.getRuntime().availableProcessors(), StormCheck.loadAverage());
        System.out.printf(Locale.ROOT, "requests: sent %d in %.1f s (%.0f/s), accepted (202) %d, by status %s"
                        + " (-1: no answer); alerts sent %d%n", run.latencies().length, run.wallNanos() / 1e9,
                run.latencies().length / (run.wallNanos() / 1e9), counts.getOrDefault(202, 0), counts,
                run.alertsSent());
        System.out.println("webhook latency (measured part, from scheduled send): " + Latencies.of(measured).summary());
        System.out.printf(Locale.ROOT, "occurrences: accepted %d, stored %d, lost %d, not sent but stored %d%n",
                run.acceptedOccurrences().size(), stored.occurrences().size(), lost.size(), invented.size());
        System.out.printf(Locale.ROOT, "incidents: %d stored for %d host/upstream groups (%d distinct keys, %d open,"
                        + " %d with counts that differ from their alerts);"
                        + " events: opened %d (distinct %d), repeated %d, reopened %d, resolved %d, unknown host %d%n",
                stored.incidents(), fleet.groups(), stored.incidentKeys(), stored.openIncidents(), stored.wrongCounts(),
                events.opened.get(),
                events.openedIds.size(), events.repeated.get(), events.reopened.get(), events.resolved.get(),
                events.unknownHosts.get());
    }
}

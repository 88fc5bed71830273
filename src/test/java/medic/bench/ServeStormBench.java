package medic.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alert storm against the whole {@code medic serve}, in one run: database, inventory of hosts reached over SSH,
 * runbooks, Slack (WireMock, realistic latency) and the webhook, as 1 replica or several behind nginx. This process
 * writes the storm's payloads, starts medic and writes {@code DIR/ready}; wrk (outside every JVM, see
 * src/bench/storm-run.sh) sends them with src/bench/storm.lua and the script writes {@code DIR/wrk.done}; then this
 * process waits for medic to finish the work the storm caused and checks the database and Slack's journal against
 * the targets. Exits 1 when a target is missed.
 *
 * <p>{@code ServeStormBench DIR REPLICAS [SECONDS=60] [RATE=500] [postgres|h2] [DRAIN_LIMIT_SECONDS=480]}
 */
public final class ServeStormBench {
    static final int HOSTS = 20;
    static final int FINGERPRINTS = 2_000;
    static final int ALERTS_PER_REQUEST = 10;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int replicas = Integer.parseInt(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        boolean postgres = args.length > 4 ? args[4].equals("postgres") : replicas > 1;
        Duration drainLimit = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 480);
        Files.createDirectories(dir);
        StormReport report = new StormReport(dir.resolve("report.txt"));
        int exit;
        try (StormWorld world = new StormWorld(Files.createDirectories(dir.resolve("rig")), HOSTS);
             StormDeployment medic = new StormDeployment(world, replicas, postgres, dir)) {
            int count = seconds * rate * 11 / 10 + 1_000;
            StormTimeline timeline = StormTimeline.write(dir.resolve("payloads"), count, rate, HOSTS, FINGERPRINTS,
                    ALERTS_PER_REQUEST);
            report.line("%s; %d payloads of %d alerts (%d fingerprints in %d host/upstream groups, flapping); load %s"
                    + " at start; %d cores", medic.description(), count, ALERTS_PER_REQUEST, FINGERPRINTS,
                    timeline.fleet().groups(), StormReport.loadAverage(), Runtime.getRuntime().availableProcessors());
            Files.writeString(dir.resolve("ready"), medic.url() + " " + count + " " + world.webhookToken() + "\n");
            awaitFile(dir.resolve("wrk.done"), Duration.ofSeconds(seconds + 1_800));
            Instant stormEnded = Instant.now();
            WrkResult wrk = WrkResult.read(dir.resolve("wrk.out"));
            report.line("load %s when wrk ended (%s)", StormReport.loadAverage(), java.nio.file.Files.readAllLines(
                    dir.resolve("wrk.out")).stream().filter(l -> l.contains("when wrk started")).findFirst()
                    .orElse("load at the start unknown"));
            StormDatabase database = new StormDatabase(medic.database());
            StormDatabase.Snapshot settled = awaitSettled(database, drainLimit);
            report.line("medic settled %.1f s after the storm (diagnoses done, outbox drained: %s)",
                    Duration.between(stormEnded, Instant.now()).toMillis() / 1000.0, settled.settled());
            new StormChecks(report, timeline, wrk, settled, new SlackJournal(
                    world.flow.slack.wireMock().getAllServeEvents())).all(seconds, rate);
            report.line("load %s at the end", StormReport.loadAverage());
        }
        List<String> missed = report.missed();
        report.line(missed.isEmpty() ? "every target met" : "targets missed: " + String.join(", ", missed));
        exit = missed.isEmpty() ? 0 : 1;
        System.exit(exit);
    }

    private static void awaitFile(Path file, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + file + " within " + limit + ": did the load generator run?");
            }
            Thread.sleep(200);
        }
    }

    /** Polls until nothing is left to do (then 2 s more, in case a replica is still queueing), or the limit. */
    private static StormDatabase.Snapshot awaitSettled(StormDatabase database, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        StormDatabase.Snapshot snapshot = database.read();
        int settledReads = 0;
        while (settledReads < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            snapshot = database.read();
            settledReads = snapshot.settled() ? settledReads + 1 : 0;
        }
        return snapshot;
    }

    /** Occurrences ({@code fingerprint@epochMicros}) of the payloads {@code indices}; resolutions among them too. */
    static Set<String> occurrences(StormTimeline timeline, Iterable<Integer> indices, boolean resolvedOnly) {
        Set<String> occurrences = new HashSet<>();
        for (int index : indices) {
            for (StormFleet.AlertState state : timeline.states(index)) {
                if (!resolvedOnly || !state.firing()) {
                    occurrences.add(state.fingerprint() + "@" + AlertStormBench.micros(state.startsAt()));
                }
            }
        }
        return occurrences;
    }
}

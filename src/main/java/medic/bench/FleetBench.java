package medic.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.RemoteHost;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.Runbook;
import medic.runbook.RunbookLoader;
import medic.runbook.run.HostConnections;
import medic.runbook.run.RunResult;
import medic.runbook.run.RunbookRunner;

/**
 * Diagnoses every host of an inventory at once: {@code FleetBench INVENTORY_YAML RUNBOOK [THREADS] [WARMUP_ROUNDS]}
 * (16 threads, 0 warm-up rounds by default; a warm-up round diagnoses the whole fleet unmeasured first, as a
 * long-running bot's JVM would have done, so the measured round shows steady state rather than JVM start-up).
 * Each host gets its own SSH connection (handshake included in its time, closed after its run), as separate
 * machines would. Prints wall time, per-host p50/p99, per-step p50/p99, failures and peak heap.
 */
public final class FleetBench {
    private static final int DEFAULT_THREADS = 16;
    private static final double MIB = 1024.0 * 1024.0;

    private record HostRun(String host, long nanos, long closeNanos, RunResult result, String error) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: FleetBench INVENTORY_YAML RUNBOOK [THREADS] [WARMUP_ROUNDS]");
            System.exit(2);
        }
        Inventory inventory = InventoryLoader.load(Path.of(args[0]));
        Runbook runbook = RunbookLoader.load(Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_THREADS;
        int warmupRounds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        RunbookRunner runner = new RunbookRunner(Clock.systemUTC());
        List<HostRun> runs = new ArrayList<>();
        long wallNanos;
        long sampledPeak;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try (SshPool pool = new SshPool(SshOptions.defaults())) {
            HostConnections connections = new HostConnections(pool);
            for (int round = 0; round < warmupRounds; round++) {
                diagnoseAll(executor, runner, runbook, connections, inventory);
            }
            try (HeapWatch heap = new HeapWatch()) {
                long start = System.nanoTime();
                runs.addAll(diagnoseAll(executor, runner, runbook, connections, inventory));
                wallNanos = System.nanoTime() - start;
                sampledPeak = heap.sampledPeakBytes();
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "warm-up rounds before the measured one: %d%n", warmupRounds);
        report(runbook, threads, runs, wallNanos, sampledPeak);
    }

    private static List<HostRun> diagnoseAll(ExecutorService executor, RunbookRunner runner, Runbook runbook,
                                             HostConnections connections, Inventory inventory) throws Exception {
        List<Future<HostRun>> futures = new ArrayList<>();
        for (HostEntry entry : inventory.hosts()) {
            futures.add(executor.submit(() -> diagnose(runner, runbook, connections, entry)));
        }
        List<HostRun> runs = new ArrayList<>();
        for (Future<HostRun> future : futures) {
            runs.add(future.get());
        }
        return runs;
    }

    private static HostRun diagnose(RunbookRunner runner, Runbook runbook, HostConnections connections,
                                    HostEntry entry) {
        long start = System.nanoTime();
        RemoteHost remote = connections.open(entry);
        RunResult result = null;
        String error;
        try {
            result = runner.run(runbook, entry, remote, BackendFacts.NONE, step -> { });
            error = FleetRun.succeeded(result) ? null : result.failure();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        long closeStart = System.nanoTime();
        remote.close();
        long end = System.nanoTime();
        return new HostRun(entry.name(), end - start, end - closeStart, result, error);
    }

    private static void report(Runbook runbook, int threads, List<HostRun> runs, long wallNanos, long sampledPeak) {
        StepTimes steps = new StepTimes();
        List<HostRun> failures = new ArrayList<>();
        long findings = 0;
        for (HostRun run : runs) {
            if (run.result() != null) {
                steps.add(run.result());
            }
            if (run.error() != null) {
                failures.add(run);
            } else {
                findings += FleetRun.findings(run.result());
            }
        }
        System.out.printf(Locale.ROOT, "runbook=%s hosts=%d threads=%d cores=%d%n", runbook.name(), runs.size(),
                threads, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "wall=%.2f s (%.1f hosts/s) failures=%d findings total=%d%n",
                wallNanos / 1e9, runs.size() / (wallNanos / 1e9), failures.size(), findings);
        System.out.println("per host (connect + runbook + close): "
                + Latencies.of(runs.stream().mapToLong(HostRun::nanos).toArray()).summary());
        System.out.println("closing the connection: "
                + Latencies.of(runs.stream().mapToLong(HostRun::closeNanos).toArray()).summary());
        System.out.println("outside the steps (connect, handshake, auth, timeout check): " + Latencies.of(runs.stream()
                .filter(run -> run.result() != null)
                .mapToLong(run -> run.nanos() - run.closeNanos() - run.result().steps().stream()
                        .mapToLong(step -> step.elapsed().toNanos()).sum()).toArray()).summary());
        System.out.println("per step p50: " + steps.p50Summary());
        System.out.println("per step p99: " + steps.p99Summary());
        System.out.printf(Locale.ROOT, "peak heap: sampled used=%.1f MiB, sum of heap pool peaks=%.1f MiB, max heap=%.0f MiB%n",
                sampledPeak / MIB, HeapWatch.poolPeakSumBytes() / MIB, HeapWatch.maxHeapBytes() / MIB);
        failures.stream().limit(5).forEach(f -> System.out.println("failed " + f.host() + ": " + f.error()));
    }
}

package medic.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import medic.inventory.HostEntry;
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
 * One host over a warm SSH connection: {@code HostDiagnosisBench INVENTORY_YAML HOST RUNBOOK ITERATIONS}.
 * Runs the runbook (nginx -v, nginx -T, nginx -t, error-log excerpt, diagnosis, proposal) after warm-up runs
 * and prints p50/p90/p99/max of the whole run, per-step p50 and the findings count.
 */
public final class HostDiagnosisBench {
    private static final int WARMUP_RUNS = 30;

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: HostDiagnosisBench INVENTORY_YAML HOST RUNBOOK ITERATIONS");
            System.exit(2);
        }
        HostEntry entry = InventoryLoader.load(Path.of(args[0])).host(args[1])
                .orElseThrow(() -> new IllegalArgumentException(args[0] + ": no host named " + args[1]));
        Runbook runbook = RunbookLoader.load(Path.of(args[2]));
        int iterations = Integer.parseInt(args[3]);
        RunbookRunner runner = new RunbookRunner(Clock.systemUTC());
        try (SshPool pool = new SshPool(SshOptions.defaults());
             RemoteHost remote = new HostConnections(pool).open(entry)) {
            long coldStart = System.nanoTime();
            RunResult first = FleetRun.require(runner.run(runbook, entry, remote, BackendFacts.NONE, step -> { }));
            System.out.printf(Locale.ROOT, "host=%s runbook=%s cold first run (incl. SSH handshake)=%.1f ms%n",
                    entry.name(), runbook.name(), (System.nanoTime() - coldStart) / 1e6);
            for (int i = 1; i < WARMUP_RUNS; i++) {
                FleetRun.require(runner.run(runbook, entry, remote, BackendFacts.NONE, step -> { }));
            }
            long[] nanos = new long[iterations];
            StepTimes steps = new StepTimes();
            RunResult last = first;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                last = FleetRun.require(runner.run(runbook, entry, remote, BackendFacts.NONE, step -> { }));
                nanos[i] = System.nanoTime() - start;
                steps.add(last);
            }
            System.out.printf(Locale.ROOT, "warm run (%d warm-up runs): %s%n", WARMUP_RUNS, Latencies.of(nanos).summary());
            System.out.println("per step p50: " + steps.p50Summary());
            System.out.printf(Locale.ROOT, "outcome=%s findings=%d upstream failures in excerpt=%s%n", last.outcome(),
                    FleetRun.findings(last),
                    last.diagnosis() == null || last.diagnosis().log() == null ? "none (no log lines in the window)"
                            : last.diagnosis().log().upstreamFailures());
        }
    }
}

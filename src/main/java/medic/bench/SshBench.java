package medic.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import medic.remote.CommandResult;
import medic.remote.ShellQuote;
import medic.remote.ssh.SshHost;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.remote.ssh.SshTarget;
import medic.remote.ssh.UserKey;

/**
 * Measures commands over one pooled SSH connection:
 * {@code SshBench HOST PORT USER KEY_FILE KNOWN_HOSTS [ITERATIONS] [FILE]}. Reports the cold first call
 * (handshake, authentication, the `timeout` check), then p50/p99 of {@code echo ok}, of {@code cat FILE}
 * and of an SFTP read of FILE on the warm connection, and 8 commands at once.
 */
public final class SshBench {

    private static final int WARMUP_ITERATIONS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int PARALLEL = 8;

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: SshBench HOST PORT USER KEY_FILE KNOWN_HOSTS [ITERATIONS] [FILE]");
            System.exit(2);
        }
        SshTarget target = new SshTarget("bench", args[0], Integer.parseInt(args[1]), args[2],
                UserKey.file(Path.of(args[3])), Path.of(args[4]), null, "");
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        String file = args.length > 6 ? args[6] : null;
        try (SshPool pool = new SshPool(SshOptions.defaults().withOutputCapBytes(64 << 20))) {
            SshHost host = pool.host(target);
            long coldStart = System.nanoTime();
            require(host.run("echo ok", TIMEOUT), "ok\n");
            System.out.printf(Locale.ROOT, "target=%s cold first command (connect, auth, timeout check)=%.1f ms%n",
                    target.endpoint(), (System.nanoTime() - coldStart) / 1e6);
            report("echo ok", iterations, () -> require(host.run("echo ok", TIMEOUT), "ok\n").stdout().length());
            if (file != null) {
                long size = host.read(file, Long.MAX_VALUE).length;
                System.out.printf(Locale.ROOT, "file=%s size=%.2f MB%n", file, size / 1e6);
                String cat = "cat " + ShellQuote.single(file);
                report("cat FILE", iterations, () -> checkSize(host.run(cat, TIMEOUT).stdout().length(), size));
                report("SFTP read FILE", iterations, () -> checkSize(host.read(file, Long.MAX_VALUE).length, size));
            }
            parallel(host, iterations);
        }
    }

    private static void report(String label, int iterations, Supplier<Integer> call) {
        for (int i = 0; i < WARMUP_ITERATIONS; i++) {
            call.get();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-15s p50=%.2f ms p99=%.2f ms max=%.2f ms (%d runs after %d warm-up)%n", label,
                percentile(nanos, 0.50), percentile(nanos, 0.99), nanos[iterations - 1] / 1e6, iterations,
                WARMUP_ITERATIONS);
    }

    private static void parallel(SshHost host, int iterations) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            long start = System.nanoTime();
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                results.add(threads.submit(() -> host.run("echo ok", TIMEOUT)));
            }
            for (Future<CommandResult> result : results) {
                require(result.get(), "ok\n");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "echo ok, %d threads on one connection: %.0f commands/s (%d commands)%n",
                    PARALLEL, iterations / seconds, iterations);
        } finally {
            threads.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static CommandResult require(CommandResult result, String stdout) {
        if (result.exitCode() != 0 || !result.stdout().equals(stdout)) {
            throw new IllegalStateException("unexpected result: " + result);
        }
        return result;
    }

    private static int checkSize(int actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("read " + actual + " bytes, expected " + expected);
        }
        return actual;
    }
}

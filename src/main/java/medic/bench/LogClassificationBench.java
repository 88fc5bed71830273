package medic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import medic.nginx.log.ErrorLogScanner;
import medic.nginx.log.FailureClass;
import medic.nginx.log.LogSummary;
import medic.nginx.log.ScanLimits;

/**
 * Measures error-log classification throughput: {@code FILE [iterations] [memory|stream] [threads]}. In "memory"
 * mode (default) the file is read into memory once and each iteration scans the byte array; "stream" scans the
 * file through an InputStream each time (page cache, like grep). {@code threads} defaults to the processor count.
 * Prints median and best MB/s (10^6 bytes) and lines/s, and the failure counts so a reader can see the scan did
 * real work.
 */
public final class LogClassificationBench {
    private static final int WARMUP = 5;

    private LogClassificationBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: LogClassificationBench FILE [iterations] [memory|stream] [threads]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean stream = args.length > 2 && args[2].equals("stream");
        byte[] bytes = stream ? null : Files.readAllBytes(file);
        long size = Files.size(file);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        ErrorLogScanner scanner = new ErrorLogScanner(ScanLimits.DEFAULTS, threads);

        LogSummary summary = null;
        for (int i = 0; i < WARMUP; i++) {
            summary = stream ? scanner.scan(file) : scanner.scan(bytes);
        }
        double[] seconds = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            summary = stream ? scanner.scan(file) : scanner.scan(bytes);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[iterations / 2];
        double best = seconds[0];
        long lines = summary.lines().total();
        System.out.printf("file %s: %,d bytes, %,d lines, mode %s, %d thread(s), %d warm-up + %d iterations, "
                + "%d cores%n", file, size, lines, stream ? "stream" : "memory", threads, WARMUP, iterations,
            Runtime.getRuntime().availableProcessors());
        System.out.printf("median %.1f ms  %.0f MB/s  %.2f M lines/s%n", median * 1e3, size / median / 1e6,
            lines / median / 1e6);
        System.out.printf("best   %.1f ms  %.0f MB/s  %.2f M lines/s%n", best * 1e3, size / best / 1e6,
            lines / best / 1e6);
        System.out.printf("lines: %s%n", summary.lines());
        for (Map.Entry<FailureClass, Long> entry : summary.classes().asMap().entrySet()) {
            System.out.printf("  %-26s %,d%n", entry.getKey(), entry.getValue());
        }
        System.out.printf("upstream failures %,d, upstream peers %d, servers %d (+other %,d), bursts %d, "
                + "retried connections %,d%n", summary.classes().upstreamFailures(),
            summary.byUpstream().counts().size(),
            summary.byServer().counts().size(), summary.byServer().other().total(), summary.bursts().size(),
            summary.retriedConnections());
    }
}

package medic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import medic.nginx.redact.Redaction;
import medic.nginx.redact.Redactor;

/**
 * Measures redaction throughput on one file: {@code RedactionBench FILE [config|log|text] [ITERATIONS]}.
 * The mode defaults to {@code log} for {@code *.log} files and {@code config} otherwise.
 */
public final class RedactionBench {

    private static final int WARMUP_ITERATIONS = 30;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RedactionBench FILE [config|log|text] [ITERATIONS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("RedactionBench: " + file + " is not a readable file; generate one with "
                    + "python3 ../shared/bench/gen_nginx_config.py 2000 /tmp/bench.conf --broken");
            System.exit(2);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String mode = args.length > 1 ? args[1] : file.toString().endsWith(".log") ? "log" : "config";
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Redactor redactor = new Redactor();

        long coldStart = System.nanoTime();
        Redaction result = run(redactor, mode, text);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        for (int i = 1; i < WARMUP_ITERATIONS; i++) {
            result = run(redactor, mode, text);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            result = run(redactor, mode, text);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        double megabytes = text.getBytes(StandardCharsets.UTF_8).length / 1_000_000.0;
        double medianMillis = nanos[iterations / 2] / 1e6;
        double firstMillis = nanos[0] / 1e6;
        System.out.printf(Locale.ROOT, "file=%s mode=%s size=%.2f MB lines=%d masked=%d%n", file, mode, megabytes,
                text.lines().count(), result.maskedCount());
        System.out.printf(Locale.ROOT, "first call (cold JVM)=%.1f ms%n", coldMillis);
        System.out.printf(Locale.ROOT, "median=%.1f ms min=%.1f ms throughput=%.1f MB/s (median, %d runs after %d warm-up)%n",
                medianMillis, firstMillis, megabytes / (medianMillis / 1000.0), iterations, WARMUP_ITERATIONS);
    }

    private static Redaction run(Redactor redactor, String mode, String text) {
        return switch (mode) {
            case "config" -> redactor.redactConfig(text);
            case "log" -> redactor.redactLog(text);
            case "text" -> redactor.redactText(text);
            default -> throw new IllegalArgumentException("mode must be config, log or text, not " + mode);
        };
    }
}

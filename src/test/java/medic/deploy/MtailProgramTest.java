package medic.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import medic.testing.RequiresProgram;
import medic.watch.FailureCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/mtail's program, run by the real mtail, counts every error log we hold exactly as medic's own watcher
 * does: same upstream labels, same classes, same totals. Teams can alert from either exporter with one rule set.
 */
@RequiresProgram("mtail")
class MtailProgramTest {
    private static final Path PROGRAMS = Path.of("deploy/mtail");
    private static final Pattern SAMPLE = Pattern.compile(
            "nginx_upstream_failures_total\\{class=\"([a-z_]+)\",prog=\"[^\"]+\",upstream=\"([^\"]*)\"} (\\d+)");

    static Stream<Path> errorLogs() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(f -> !f.getFileName().toString().contains("access"))
                    .sorted().toList();
            return logs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("errorLogs")
    void counts_each_log_like_medics_watcher(Path log) throws Exception {
        assertEquals(medicCounts(log), mtailCounts(log), "per upstream and class, in " + log);
    }

    @Test
    void the_corpus_exercises_most_failure_classes() throws Exception {
        Map<String, Long> classes = new TreeMap<>();
        for (Path log : errorLogs().toList()) {
            medicCounts(log).forEach((key, count) -> classes.merge(key.substring(key.indexOf(' ') + 1), count, Long::sum));
        }
        assertTrue(classes.keySet().containsAll(List.of("reset_reading_header", "reset_reading_body",
                "reset_upgraded_upstream", "prematurely_closed", "timed_out", "connect_refused", "no_live_upstreams",
                "too_big_header")), "classes seen: " + classes);
    }

    @Test
    void the_program_compiles() throws Exception {
        Process mtail = new ProcessBuilder("mtail", "--compile_only", "--progs", PROGRAMS.toString(), "--logtostderr")
                .redirectErrorStream(true).start();
        String output = new String(mtail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mtail.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, mtail.exitValue(), output);
        assertFalse(output.contains("compile error"), output);
    }

    private static Map<String, Long> medicCounts(Path log) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        byte[] bytes = Files.readAllBytes(log);
        new FailureCounter(registry).count("host", bytes, bytes.length);
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(FailureCounter.METER).counters()) {
            counts.put(counter.getId().getTag("upstream") + " " + counter.getId().getTag("class"),
                    (long) counter.count());
        }
        return counts;
    }

    private static Map<String, Long> mtailCounts(Path log) throws Exception {
        Process mtail = new ProcessBuilder("mtail", "--one_shot", "--one_shot_format=prometheus", "--progs",
                PROGRAMS.toString(), "--logs", log.toString(), "--logtostderr")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(mtail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mtail.waitFor(30, TimeUnit.SECONDS), "mtail ended");
        assertEquals(0, mtail.exitValue(), "mtail exit status on " + log);
        Map<String, Long> counts = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(output);
        while (sample.find()) {
            String upstream = sample.group(2).isEmpty() ? "unknown" : sample.group(2);
            counts.put(upstream + " " + sample.group(1), Long.parseLong(sample.group(3)));
        }
        return counts;
    }
}

package medic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import medic.nginx.config.ConfigLoader;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogEvents;
import medic.nginx.diagnosis.LogView;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.RuleCatalog;
import medic.nginx.harden.Hardener;
import medic.nginx.harden.Proposal;
import medic.nginx.log.ErrorLogScanner;
import medic.nginx.log.LogSummary;
import medic.nginx.model.NginxConfig;

/**
 * Times the diagnosis pipeline in one warm JVM, stage by stage: {@code DiagnoseBench CONFIG [iterations]
 * [ERRORLOG]}. The files are read once; each run parses the config text from memory, models it, reads the
 * error log (when given), runs the analysis and every rule, and hardens. Loading from disk is timed on its
 * own. Prints median, p90 and min per stage and for the total, with the findings and diff size as proof of work.
 */
public final class DiagnoseBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int MIN_WARMUP = 5;
    private static final double WARMUP_SECONDS = 10;
    private static final List<String> STAGES = List.of("parse (memory)", "model", "log scan", "log mapping",
            "analysis", "rules", "harden");

    private DiagnoseBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: DiagnoseBench CONFIG [iterations] [ERRORLOG]");
            System.exit(2);
        }
        Path config = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(config)) {
            System.err.println("DiagnoseBench: " + config + " is not a readable file; generate one with "
                    + "python3 ../shared/bench/gen_nginx_config.py 2000 /tmp/bench.conf --broken");
            System.exit(2);
        }
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        byte[] errorLog = args.length > 2 ? Files.readAllBytes(Path.of(args[2])) : null;

        long coldStart = System.nanoTime();
        ConfigTree onDisk = DiskConfigSource.load(config, null);
        Run first = run(onDisk, errorLog, null, null);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        Map<String, String> texts = new LinkedHashMap<>();
        onDisk.files().forEach((path, file) -> texts.put(path, file.source()));
        MemoryConfigSource memory = new MemoryConfigSource(texts);
        String dir = config.getParent().toString();

        long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        int warmups = 0;
        while (warmups < MIN_WARMUP || System.nanoTime() < warmupEnd) {
            DiskConfigSource.load(config, null);
            run(ConfigLoader.load(memory, config.toString(), dir, dir, ""), errorLog, null, null);
            warmups++;
        }

        StageTimes times = new StageTimes(iterations);
        StageTimes ruleTimes = new StageTimes(iterations);
        double[] disk = new double[iterations];
        double[] cpu = new double[iterations];
        double[] processCpu = new double[iterations];
        double[] allocated = new double[iterations];
        Run last = first;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            DiskConfigSource.load(config, null);
            disk[i] = (System.nanoTime() - start) / 1e6;

            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long processCpuStart = OS.getProcessCpuTime();
            long allocatedStart = THREADS.getCurrentThreadAllocatedBytes();
            start = System.nanoTime();
            ConfigTree tree = ConfigLoader.load(memory, config.toString(), dir, dir, "");
            times.record("parse (memory)", i, (System.nanoTime() - start) / 1e6);
            last = run(tree, errorLog, times.at(i), ruleTimes.at(i));
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            processCpu[i] = (OS.getProcessCpuTime() - processCpuStart) / 1e6;
            allocated[i] = (THREADS.getCurrentThreadAllocatedBytes() - allocatedStart) / 1e6;
        }

        long lines = texts.values().stream().mapToLong(t -> t.lines().count()).sum();
        long bytes = texts.values().stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        System.out.printf(Locale.ROOT, "config %s: %d file(s), %,d lines, %,d bytes%s%n", config, texts.size(), lines,
                bytes, errorLog == null ? "" : String.format(Locale.ROOT, "; error log %s: %,d bytes", args[2],
                        errorLog.length));
        System.out.printf(Locale.ROOT, "%d cores, %s; %d warm-up runs (>= %.0f s), %d timed runs; first run (cold JVM,"
                + " disk load included) %.1f ms%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), warmups, WARMUP_SECONDS,
                iterations, coldMillis);
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s%n", "stage (ms)", "median", "p90", "min");
        for (String stage : STAGES) {
            if (errorLog != null || !stage.startsWith("log")) {
                StageTimes.print(stage, times.of(stage));
            }
        }
        StageTimes.print("total", times.totals());
        StageTimes.print("total, thread CPU", cpu);
        // The rules and the hardener's check run partly on other threads: the process's CPU counts them (and GC).
        StageTimes.print("total, process CPU", processCpu);
        StageTimes.print("load from disk", disk);
        StageTimes.print("allocated MB per run", allocated);
        System.out.printf(Locale.ROOT, "slowest rules (median ms): %s%n", ruleTimes.slowest(5));
        System.out.printf(Locale.ROOT, "findings %d (%s); proposal: %d file(s), diff %,d lines, %,d chars, +%d -%d%n",
                last.findings.size(), Run.byRule(last.findings), last.proposal.files().size(),
                last.proposal.unifiedDiff().lines().count(), last.proposal.unifiedDiff().length(),
                last.proposal.files().stream().mapToInt(f -> f.added()).sum(),
                last.proposal.files().stream().mapToInt(f -> f.removed()).sum());
        if (last.summary != null) {
            System.out.printf(Locale.ROOT, "error log: %,d lines, %,d upstream failures, %d mapped location(s)%n",
                    last.summary.lines().total(), last.summary.classes().upstreamFailures(),
                    last.view.locationsWithFailures().size());
        }
    }

    /** One pass of the pipeline as {@code Diagnostician.diagnose} runs it, each stage timed when asked. */
    private static Run run(ConfigTree tree, byte[] errorLog, StageTimes.Row row, StageTimes.Row ruleRow) {
        long start = System.nanoTime();
        NginxConfig model = NginxConfig.of(tree, null);
        start = lap(row, "model", start);
        LogView view = LogView.none();
        LogSummary summary = null;
        if (errorLog != null) {
            summary = new ErrorLogScanner().scan(errorLog);
            start = lap(row, "log scan", start);
            view = LogView.of(LogEvents.from(errorLog), model);
            start = lap(row, "log mapping", start);
        }
        Analysis analysis = new Analysis(model, view, BackendFacts.NONE);
        start = lap(row, "analysis", start);
        List<Finding> findings = new Diagnoser(timed(RuleCatalog.all(), ruleRow)).diagnose(analysis);
        start = lap(row, "rules", start);
        Proposal proposal = Hardener.propose(model, findings);
        lap(row, "harden", start);
        return new Run(findings, proposal, summary, view);
    }

    /** The rules, each recording its own time in {@code row} when there is one. */
    private static List<Rule> timed(List<Rule> rules, StageTimes.Row row) {
        if (row == null) {
            return rules;
        }
        return rules.stream().<Rule>map(rule -> new Rule() {
            @Override
            public String id() {
                return rule.id();
            }

            @Override
            public String title() {
                return rule.title();
            }

            @Override
            public List<Finding> check(Analysis analysis) {
                long start = System.nanoTime();
                List<Finding> findings = rule.check(analysis);
                row.record(rule.id(), (System.nanoTime() - start) / 1e6);
                return findings;
            }
        }).toList();
    }

    private static long lap(StageTimes.Row row, String stage, long start) {
        long now = System.nanoTime();
        if (row != null) {
            row.record(stage, (now - start) / 1e6);
        }
        return now;
    }

    private record Run(List<Finding> findings, Proposal proposal, LogSummary summary, LogView view) {
        static String byRule(List<Finding> findings) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
            return counts.toString().replaceAll("[{}]", "");
        }
    }
}

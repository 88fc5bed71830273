package medic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import medic.MedicException;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.Examination;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxTime;
import medic.nginx.model.NginxVersion;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic diagnose}: the offline diagnosis of a config (and optionally its error log). */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Explains upstream resets from an nginx config and error log, and proposes a minimal fix.",
            "Exit status: 0 no findings, 1 findings, 2 unusable input."})
public final class DiagnoseCommand implements Callable<Integer> {
    /** The output formats of {@code --format}. */
    public enum Format { text, json, diff }

    static final class Source {
        @Option(names = "--config", paramLabel = "PATH", description = "main nginx config file (includes are followed)")
        Path config;

        @Option(names = "--dump", paramLabel = "PATH", description = "saved stdout of `nginx -T`")
        Path dump;

        @Option(names = "--host", paramLabel = "NAME",
                description = "an inventory host: run the runbook there over SSH (or locally) and diagnose what it gathers")
        String host;

        @Option(names = "--example", paramLabel = "NAME",
                description = "a bundled example instead of your own files: seed-incident (config and error log)")
        String example;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--inventory", paramLabel = "FILE", defaultValue = "${env:MEDIC_INVENTORY:-inventory.yaml}",
            description = "inventory for --host (default: $MEDIC_INVENTORY or ./inventory.yaml)")
    Path inventory;

    @Option(names = "--runbook", paramLabel = "FILE", defaultValue = "runbooks/nginx-upstream-reset.yaml",
            description = "runbook for --host (default: ${DEFAULT-VALUE})")
    Path runbook;

    @Option(names = "--error-log", paramLabel = "PATH", description = "nginx error log to explain")
    Path errorLog;

    @Option(names = "--nginx-version", paramLabel = "X.Y.Z",
            description = "nginx version (or `nginx -v` output); defaults differ before and after 1.29.7")
    String nginxVersion;

    @Option(names = "--prefix", paramLabel = "DIR",
            description = "directory relative include paths resolve against (nginx -p); default: the config's directory")
    Path prefix;

    @Option(names = "--backend-idle", paramLabel = "UPSTREAM=DURATION",
            description = "a backend's own keep-alive idle timeout, e.g. ws_upstream=5s (repeatable)")
    List<String> backendIdle = List.of();

    @Option(names = "--expected-tunnels", paramLabel = "N", description = "concurrent WebSocket tunnels to plan for")
    Integer expectedTunnels;

    @Option(names = "--format", defaultValue = "text", description = "text, json or diff (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--color", defaultValue = "auto", description = "auto, always or never (NO_COLOR is honoured)")
    String color;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The streams when run without picocli ({@link QuickDiagnose}); otherwise picocli's, from {@link #spec}. */
    PrintWriter out;
    PrintWriter err;

    @Override
    public Integer call() {
        NginxVersion version = nginxVersion == null ? null : NginxVersion.parse(nginxVersion);
        if (source.host != null) {
            return report(HostDiagnosis.run(source.host, inventory, runbook, facts()));
        }
        ConfigTree tree;
        byte[] log = errorLog == null ? null : readBytes(errorLog);
        if (source.example != null) {
            Example example = Example.load(source.example);
            tree = example.tree();
            log = log == null ? example.errorLog() : log;
        } else if (source.config != null) {
            tree = DiskConfigSource.load(source.config, prefix);
        } else {
            tree = DumpConfigSource.load(read(source.dump, "--dump"), source.dump.toString());
        }
        Examination examination = Diagnostician.examine(tree, log, version, facts());
        if (format == Format.json && out() instanceof ProcessStdout stdout) {
            // The findings' part of the report is written on the second core while the proposal is made.
            EarlyJsonReport report = EarlyJsonReport.start(examination);
            Diagnosis diagnosis = examination.propose();
            report.finish(diagnosis, stdout.bytes());
            return exitCode(diagnosis);
        }
        if (format == Format.text) {
            TextReport text = new TextReport(useColor());
            Background<String> findings = Background.start(() -> text.findingsSection(examination.findings(), false));
            Diagnosis diagnosis = examination.propose();
            print(out(), text.render(diagnosis, findings.join()));
            out().flush();
            return exitCode(diagnosis);
        }
        return report(examination.propose());
    }

    private PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    private static int exitCode(Diagnosis diagnosis) {
        return diagnosis.findings().isEmpty() ? 0 : 1;
    }

    private Integer report(Diagnosis diagnosis) {
        PrintWriter out = out();
        switch (format) {
            case json -> {
                if (out instanceof ProcessStdout stdout) {
                    JsonReport.write(diagnosis, stdout.bytes());
                } else {
                    JsonReport.write(diagnosis, out);
                }
            }
            case diff -> {
                String diff = diagnosis.proposal().unifiedDiff();
                // Only for the note below; worked out on the second core while the diff is printed.
                CompletableFuture<Boolean> secret = CompletableFuture.supplyAsync(() ->
                        new medic.nginx.redact.Redactor().redactText(diff).maskedAnything());
                print(out, diff);
                if (Background.joined(secret)) {
                    err().println("medic: note: the diff is not redacted (patch needs exact"
                            + " lines) and touches lines that look secret; do not paste it into chat");
                }
            }
            default -> print(out, new TextReport(useColor()).render(diagnosis));
        }
        out.flush();
        return exitCode(diagnosis);
    }

    private static void print(PrintWriter out, String text) {
        if (out instanceof ProcessStdout stdout) {
            stdout.printEncoded(text);
        } else {
            out.print(text);
        }
    }

    private BackendFacts facts() {
        Map<String, Duration> idle = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (String entry : backendIdle) {
            int eq = entry.indexOf('=');
            Duration duration = eq > 0 ? NginxTime.parse(entry.substring(eq + 1)) : null;
            if (duration == null) {
                throw new MedicException("--backend-idle \"" + entry + "\": expected UPSTREAM=DURATION such as ws_upstream=5s");
            }
            idle.put(entry.substring(0, eq), duration);
            sources.put(entry.substring(0, eq), "declared with --backend-idle");
        }
        return new BackendFacts(idle, sources, expectedTunnels);
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    private static String read(Path path, String option) {
        return new String(readBytes(path, option), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path path) {
        return readBytes(path, "--error-log");
    }

    private static byte[] readBytes(Path path, String option) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new MedicException(option + " " + path + ": no such file");
        } catch (IOException e) {
            throw new MedicException(option + " " + path + ": cannot read (" + e.getMessage() + ")");
        }
    }
}

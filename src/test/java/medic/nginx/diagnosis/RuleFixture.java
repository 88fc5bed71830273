package medic.nginx.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;
import medic.nginx.model.NginxVersion;

/**
 * A rule fixture: an nginx config whose leading comments say what must (and must not) be found.
 * <pre>
 * # expect WS01 @9 high      a WS01 finding at line 9 of this file (severity optional)
 * # expect-not WS02          no WS02 finding anywhere
 * # nginx-version 1.29.7     analyse as this version (default: unknown, i.e. assumed 1.22.1)
 * # log ws-resets.log        error log in the same folder
 * # backend-idle app=5s      declared backend idle timeout for upstream (or address) "app"
 * # expected-tunnels 20000   expected concurrent WebSocket tunnels
 * </pre>
 */
public record RuleFixture(Path path, List<Expectation> expectations, NginxVersion version, Path log,
                          BackendFacts facts) {

    /** One expectation line. */
    public record Expectation(String rule, boolean present, Integer line, Severity severity) {
        @Override
        public String toString() {
            return (present ? "expect " : "expect-not ") + rule + (line == null ? "" : " @" + line)
                    + (severity == null ? "" : " " + severity.label());
        }
    }

    public static RuleFixture read(Path path) {
        List<Expectation> expectations = new ArrayList<>();
        NginxVersion version = null;
        Path log = null;
        Map<String, Duration> idle = new HashMap<>();
        Integer tunnels = null;
        try {
            for (String line : Files.readAllLines(path)) {
                if (!line.startsWith("# ")) {
                    continue;
                }
                String[] words = line.substring(2).trim().split("\\s+");
                switch (words[0]) {
                    case "expect" -> expectations.add(new Expectation(words[1], true,
                            words.length > 2 ? Integer.parseInt(words[2].substring(1)) : null,
                            words.length > 3 ? Severity.valueOf(words[3].toUpperCase()) : null));
                    case "expect-not" -> expectations.add(new Expectation(words[1], false, null, null));
                    case "nginx-version" -> version = NginxVersion.parse(words[1]);
                    case "log" -> log = path.resolveSibling(words[1]);
                    case "backend-idle" -> {
                        String[] kv = words[1].split("=", 2);
                        idle.put(kv[0], NginxTime.parse(kv[1]));
                    }
                    case "expected-tunnels" -> tunnels = Integer.parseInt(words[1]);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sources = new HashMap<>();
        idle.keySet().forEach(k -> sources.put(k, "declared in fixture"));
        return new RuleFixture(path, expectations, version, log, new BackendFacts(idle, sources, tunnels));
    }

    public NginxConfig model() {
        ConfigTree tree = DiskConfigSource.load(path, null);
        return NginxConfig.of(tree, version);
    }

    public Analysis analysis() {
        NginxConfig model = model();
        LogView view = LogView.none();
        if (log != null) {
            try {
                view = LogView.of(LogEvents.from(Files.readAllBytes(log)), model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Analysis(model, view, facts);
    }
}

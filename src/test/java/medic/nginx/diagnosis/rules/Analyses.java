package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.LogView;
import medic.nginx.diagnosis.Rule;
import medic.nginx.log.FailureClass;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;

/** Builds analyses from config text for rule unit tests: version, backend facts and log events optional. */
final class Analyses {
    private final String config;
    private NginxVersion version;
    private BackendFacts facts = BackendFacts.NONE;
    private final List<String[]> events = new ArrayList<>();

    private Analyses(String config) {
        this.config = config;
    }

    static Analyses of(String... lines) {
        return new Analyses(String.join("\n", lines) + "\n");
    }

    Analyses version(String text) {
        this.version = NginxVersion.parse(text);
        return this;
    }

    Analyses backendIdle(String key, Duration idle) {
        this.facts = new BackendFacts(Map.of(key, idle), Map.of(key, "declared in test"), facts.expectedTunnels());
        return this;
    }

    Analyses expectedTunnels(int tunnels) {
        this.facts = new BackendFacts(facts.backendIdleTimeouts(), facts.sources(), tunnels);
        return this;
    }

    /** A log event: class, method, URI, upstream URL and the raw line nginx would have written. */
    Analyses event(FailureClass failure, String method, String uri, String upstream, String line) {
        events.add(new String[] {failure.name(), method, uri, upstream, line});
        return this;
    }

    Analysis analysis() {
        ConfigTree tree = DumpConfigSource.load("# configuration file /etc/nginx/nginx.conf:\n" + config, "test");
        NginxConfig model = NginxConfig.of(tree, version);
        List<LogEvent> logged = events.stream().map(e -> new LogEvent(FailureClass.valueOf(e[0]), "api.example.test",
                "api.example.test", e[1], e[2], e[3], 1, e[4])).toList();
        return new Analysis(model, events.isEmpty() ? LogView.none() : LogView.of(logged, model), facts);
    }

    List<Finding> check(Rule rule) {
        return rule.check(analysis());
    }
}

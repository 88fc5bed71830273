package medic.nginx.diagnosis.rules;

import java.util.List;
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

/** Inline configs and log events for rule unit tests; line 1 is the config's first line. */
final class Configs {
    private Configs() {
    }

    static Analysis analysis(String version, List<LogEvent> events, String... lines) {
        ConfigTree tree = DumpConfigSource.load("# configuration file /etc/nginx/nginx.conf:\n"
                + String.join("\n", lines) + "\n", "test");
        NginxConfig model = NginxConfig.of(tree, version == null ? null : NginxVersion.parse(version));
        return new Analysis(model, events.isEmpty() ? LogView.none() : LogView.of(events, model), BackendFacts.NONE);
    }

    static Analysis analysis(String... lines) {
        return analysis(null, List.of(), lines);
    }

    /** A failure as the log reader reports it, for a request to {@code server}. */
    static LogEvent event(FailureClass failure, String server, String method, String uri) {
        return new LogEvent(failure, server, server, method, uri, "http://127.0.0.1:9001" + uri, 1,
                "[error] " + failure + " " + method + " " + uri);
    }

    static List<Finding> check(Rule rule, Analysis analysis) {
        return rule.check(analysis);
    }
}

package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * WS07: {@code proxy_set_header Connection "upgrade"} written as a literal sends "Connection: upgrade" with every
 * plain request too; where a location also serves ordinary HTTP (a catch-all or API path, or non-GET requests in
 * the log) that defeats upstream keepalive and confuses backends that see an upgrade without an Upgrade header.
 */
public final class HardCodedConnectionUpgrade implements Rule {
    @Override
    public String id() {
        return "WS07";
    }

    @Override
    public String title() {
        return "Hard-coded Connection \"upgrade\" on a location that also serves plain HTTP";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        Set<Directive> reported = new HashSet<>();
        for (Location location : config.locations()) {
            if (config.proxyPass(location).isEmpty()) {
                continue;
            }
            HeaderSet headers = config.headers(location);
            Directive connection = headers.get("Connection");
            if (connection == null || connection.argCount() < 2 || connection.arg(1).contains("$")
                    || !connection.arg(1).toLowerCase(Locale.ROOT).contains("upgrade")) {
                continue;
            }
            List<LogEvent> plain = analysis.log().events(location).stream()
                    .filter(e -> e.method() != null && !e.method().equalsIgnoreCase("GET")).toList();
            boolean generalPath = !WebSocketRecipe.looksLikeWebSocketPath(location.pattern());
            // One finding per literal line: a server-level line is fixed once for every location inheriting it.
            if (!generalPath && plain.isEmpty() || !reported.add(connection)) {
                continue;
            }
            String why = generalPath ? "its path " + location.pattern() + " is not a dedicated WebSocket endpoint"
                    : plain.size() + " non-GET request(s) in the error log went through it";
            String variable = UpgradeMap.variable(config);
            Upstream upstream = config.upstreamOf(location).orElse(null);
            out.add(findings.at(connection, Severity.MEDIUM)
                    .message(location.label() + " also serves plain HTTP (" + why + ") yet sends a fixed \"Connection: "
                            + connection.arg(1) + "\" upstream (" + config.where(connection) + "): plain requests then"
                            + " claim an upgrade without an Upgrade header, which some backends reject and which"
                            + " stops the upstream connection from being kept alive.")
                    .value("proxy_set_header Connection \"" + connection.arg(1) + "\"",
                            "Connection: close (HTTP/1.0) or none (HTTP/1.1)")
                    .confirmedBy(plain.stream().map(LogEvent::sample).filter(s -> s != null).distinct().limit(3)
                            .toList())
                    .fix("map $http_upgrade " + variable + " in http and proxy_set_header Connection " + variable
                            + " in place of the literal")
                    .change(new Change.EnsureUpgradeMap(variable, UpgradeMap.emptyValueFor(upstream)))
                    .change(Change.AddDirective.upsert(headers.level(), "proxy_set_header",
                            List.of("Connection", variable), 1))
                    .build());
        }
        return out;
    }
}

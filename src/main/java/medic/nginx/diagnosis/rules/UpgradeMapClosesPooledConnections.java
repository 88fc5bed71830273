package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;
import medic.nginx.model.Upstream;

/**
 * WS08: the textbook map gives plain requests {@code Connection: close}, so through a location whose upstream
 * keeps a connection pool (explicit {@code keepalive}, or the implicit one of nginx 1.29.7+) every plain request
 * tears its pooled connection down; {@code '' ""} keeps them alive and still upgrades WebSocket requests.
 */
public final class UpgradeMapClosesPooledConnections implements Rule {
    @Override
    public String id() {
        return "WS08";
    }

    @Override
    public String title() {
        return "Upgrade map sends Connection: close through a keepalive upstream";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        if (config.http() == null) {
            return List.of();
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Scope map : config.http().children(ScopeKind.MAP)) {
            Directive block = map.block();
            Directive empty = emptyEntry(map);
            if (block.argCount() != 2 || !block.arg(0).equalsIgnoreCase("$http_upgrade") || empty == null
                    || !empty.arg(0).equalsIgnoreCase("close")) {
                continue;
            }
            String variable = block.arg(1);
            List<Location> pooled = config.locations().stream()
                    .filter(l -> variable.equals(config.headers(l).value("Connection")))
                    .filter(l -> config.upstreamOf(l).filter(u -> keepsPool(u, config)).isPresent())
                    .toList();
            if (pooled.isEmpty()) {
                continue;
            }
            String where = pooled.stream().map(l -> l.label() + " -> " + config.upstreamOf(l).get().name())
                    .distinct().collect(Collectors.joining(", "));
            out.add(findings.at(empty, Severity.LOW)
                    .message("map " + block.arg(0) + " " + variable + " gives requests without an Upgrade header"
                            + " \"Connection: close\", and " + where + " keep" + (pooled.size() == 1 ? "s" : "")
                            + " an upstream connection pool: every plain request closes its pooled connection, so"
                            + " keepalive never pays off.")
                    .value("'' close in map " + block.arg(0) + " " + variable, null)
                    .evidence(pooled.stream().map(l -> keepaliveEvidence(config, l)).distinct().toList())
                    .fix("'' \"\"; in map " + block.arg(0) + " " + variable)
                    .change(new Change.SetMapEntry(map, "''", "\"\""))
                    .build());
        }
        return out;
    }

    /** The {@code '' value;} line of a map: nginx reads the empty key as a directive named "". */
    private static Directive emptyEntry(Scope map) {
        Directive found = null;
        for (Directive entry : map.directives()) {
            if (entry.name().isEmpty() && entry.argCount() == 1) {
                found = entry;
            }
        }
        return found;
    }

    /** An upstream block pools connections with {@code keepalive N>0}, or by default from nginx 1.29.7. */
    static boolean keepsPool(Upstream upstream, NginxConfig config) {
        if (upstream.isImplicit()) {
            return false;
        }
        Directive keepalive = upstream.directive("keepalive");
        if (keepalive == null) {
            return config.version().http11ByDefault();
        }
        return keepalive.argCount() >= 1 && !keepalive.arg(0).equals("0");
    }

    private static String keepaliveEvidence(NginxConfig config, Location location) {
        Upstream upstream = config.upstreamOf(location).get();
        Directive keepalive = upstream.directive("keepalive");
        return "upstream " + upstream.name() + ": " + (keepalive == null
                ? "implicit keepalive 32 local (nginx " + config.version() + ")"
                : "keepalive " + String.join(" ", keepalive.args()) + " (" + config.where(keepalive) + ")");
    }
}

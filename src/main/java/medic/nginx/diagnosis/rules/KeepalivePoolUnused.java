package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * KA01: an upstream declares {@code keepalive}, but a location proxying to it still speaks HTTP/1.0 or sends
 * {@code Connection: close} (the defaults before 1.29.7), so every connection is closed after one request.
 */
public final class KeepalivePoolUnused implements Rule {
    @Override
    public String id() {
        return "KA01";
    }

    @Override
    public String title() {
        return "Upstream keepalive pool defeated by HTTP/1.0 or Connection: close";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : config.upstreams().values()) {
            Directive keepalive = upstream.directive("keepalive");
            if (keepalive == null || Pools.size(config, upstream) == 0) {
                continue;
            }
            for (Location location : Pools.locationsUsing(config, upstream)) {
                PooledLocation pooled = PooledLocation.of(analysis, location);
                if (pooled.reusesConnections()) {
                    continue;
                }
                Directive own = location.scope().find("proxy_http_version");
                Directive at = pooled.needsHttp11() && own != null ? own : location.block();
                Findings.Builder finding = findings.at(at, Severity.MEDIUM)
                        .message(location.label() + " proxies to upstream " + upstream.name() + ", which keeps "
                                + keepalive.arg(0) + " idle connections (" + config.where(keepalive) + "), but it has "
                                + pooled.problem() + ": the backend closes each connection after one response, the"
                                + " pool stays empty and every request opens a new TCP connection.")
                        .evidence("keepalive " + String.join(" ", keepalive.args()) + " at " + config.where(keepalive))
                        .evidence("proxy_http_version " + pooled.httpVersion().value() + " ("
                                + pooled.httpVersion().where(config.tree()::relative) + ")")
                        .evidence("proxy_set_header Connection " + (pooled.connection() == null ? "(not set)"
                                : "\"" + pooled.connection() + "\""))
                        .fix(fixText(analysis, location, pooled));
                if (pooled.needsHttp11()) {
                    finding.value(pooled.httpVersion());
                } else {
                    finding.value("proxy_set_header Connection " + (pooled.connection() == null ? "(not set)"
                            : "\"" + pooled.connection() + "\""), "Connection: close (before 1.29.7)");
                }
                pooled.changes(analysis).forEach(finding::change);
                out.add(finding.build());
            }
        }
        return out;
    }

    private static String fixText(Analysis analysis, Location location, PooledLocation pooled) {
        List<String> parts = new ArrayList<>();
        if (pooled.needsHttp11()) {
            parts.add("proxy_http_version 1.1");
        }
        if (pooled.needsConnectionCleared()) {
            parts.add(analysis.isWebSocket(location)
                    ? "proxy_set_header Connection from the $http_upgrade map, with '' \"\" so plain requests keep"
                            + " the connection (a literal \"\" would break the WebSocket upgrade)"
                    : "proxy_set_header Connection \"\"");
        }
        return String.join("; ", parts) + " in " + location.label();
    }
}

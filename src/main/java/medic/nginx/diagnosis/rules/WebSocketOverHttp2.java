package medic.nginx.diagnosis.rules;

import java.util.List;
import java.util.Set;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * WS03: {@code proxy_http_version 2} (nginx 1.29.4+, HTTP/2 to upstreams) cannot carry the HTTP/1.1 Upgrade
 * handshake: nginx drops the hop-by-hop Connection/Upgrade headers on that path and has no extended CONNECT.
 */
public final class WebSocketOverHttp2 extends WebSocketLocationRule {
    // "2" is what nginx accepts; "2.0" and "3" appear in forks and in configs copied from elsewhere.
    private static final Set<String> NOT_UPGRADABLE = Set.of("2", "2.0", "3", "3.0");

    @Override
    public String id() {
        return "WS03";
    }

    @Override
    public String title() {
        return "WebSocket location proxies with HTTP/2 or later";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        Effective version = config.effective(location, "proxy_http_version");
        if (version.isDefault() || !NOT_UPGRADABLE.contains(version.firstArg())) {
            return;
        }
        out.add(findings.at(version.source(), Severity.HIGH)
                .message(location.label() + " serves WebSocket traffic (" + analysis.webSocket(location).get()
                        + ") but proxies with HTTP/" + version.firstArg() + " (set at "
                        + config.where(version.source()) + "): the WebSocket handshake is an HTTP/1.1 Upgrade,"
                        + " which an HTTP/2 upstream request cannot carry, so every handshake fails.")
                .value(version)
                .fix("proxy_http_version 1.1 in " + location.label()
                        + " (keep HTTP/2 for the plain-HTTP locations if wanted)")
                .change(new Change.SetDirective(location.scope(), "proxy_http_version", List.of("1.1")))
                .build());
    }
}

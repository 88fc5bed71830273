package medic.nginx.diagnosis.rules;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/** WS02: a WebSocket handshake needs HTTP/1.1, but nginx before 1.29.7 talks HTTP/1.0 to upstreams by default. */
public final class WebSocketOverHttp10 extends WebSocketLocationRule {
    @Override
    public String id() {
        return "WS02";
    }

    @Override
    public String title() {
        return "WebSocket location proxies with HTTP/1.0";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        Effective version = config.effective(location, "proxy_http_version");
        if (!"1.0".equals(version.firstArg())) {
            return;
        }
        String origin = version.isDefault()
                ? "nginx " + config.version() + (config.versionKnown() ? "" : " (assumed)")
                        + " defaults proxy_http_version to 1.0 (1.1 only from 1.29.7)"
                : "proxy_http_version 1.0 is set at " + config.where(version.source());
        out.add(findings.at(Culprit.of(version, location), Severity.HIGH)
                .message(location.label() + " serves WebSocket traffic (" + analysis.webSocket(location).get()
                        + ") but " + origin + ": an HTTP/1.0 request cannot carry an Upgrade, and nginx adds"
                        + " Connection: close, so the backend never switches protocols and closes or resets.")
                .value(version)
                .confirmedBy(analysis.log().samples(location, 3, FailureClass.RESET_READING_HEADER,
                        FailureClass.PREMATURELY_CLOSED))
                .fix("proxy_http_version 1.1 in " + location.label())
                .change(new Change.SetDirective(location.scope(), "proxy_http_version", List.of("1.1")))
                .build());
    }
}

package medic.nginx.diagnosis.rules;

import java.util.List;
import java.util.Locale;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.log.FailureClass;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * WS01: nginx never passes Upgrade/Connection upstream on its own, so the handshake cannot happen. When the
 * recipe exists one level out and a local proxy_set_header drops it, the cause and the fix (repeat the lines)
 * are WS04's, so WS01 stays quiet there.
 */
public final class MissingUpgradeHeaders extends WebSocketLocationRule {
    @Override
    public String id() {
        return "WS01";
    }

    @Override
    public String title() {
        return "WebSocket location does not pass Upgrade/Connection upstream";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        HeaderSet headers = config.headers(location);
        boolean upgrade = headers.has("Upgrade");
        String connection = headers.value("Connection");
        boolean connectionOk = connection != null && upgrades(connection);
        if ((upgrade || dropped(headers, "upgrade")) && (connectionOk || dropped(headers, "connection"))) {
            return;
        }
        String variable = UpgradeMap.variable(config);
        Upstream upstream = config.upstreamOf(location).orElse(null);
        String missing = !upgrade && !connectionOk ? "Upgrade and Connection" : !upgrade ? "Upgrade" : "Connection";
        out.add(findings.at(location.block(), Severity.HIGH)
                .message(location.label() + " serves WebSocket traffic (" + analysis.webSocket(location).get()
                        + ") but does not set the " + missing + " header: nginx drops hop-by-hop headers, so"
                        + " the backend sees a plain request and never switches protocols.")
                .value("proxy_set_header " + missing + " (not set)", "not passed upstream")
                .confirmedBy(analysis.log().samples(location, 3, FailureClass.RESET_READING_HEADER,
                        FailureClass.PREMATURELY_CLOSED))
                .fix("map $http_upgrade " + variable + " in http; proxy_set_header Upgrade $http_upgrade and"
                        + " Connection " + variable + " in the location")
                .change(new Change.EnsureUpgradeMap(variable, UpgradeMap.emptyValueFor(upstream)))
                .change(Change.AddDirective.upsert(location.scope(), "proxy_set_header",
                        List.of("Upgrade", "$http_upgrade"), 1))
                .change(Change.AddDirective.upsert(location.scope(), "proxy_set_header",
                        List.of("Connection", variable), 1))
                .change(Change.AddDirective.ifAbsent(location.scope(), "proxy_set_header", List.of("Host", "$host"), 1))
                .change(Change.AddDirective.ifAbsent(location.scope(), "proxy_set_header",
                        List.of("X-Real-IP", "$remote_addr"), 1))
                .change(Change.AddDirective.ifAbsent(location.scope(), "proxy_set_header",
                        List.of("X-Forwarded-For", "$proxy_add_x_forwarded_for"), 1))
                .build());
    }

    /** True when an outer Upgrade (or upgrading Connection) line is dropped by local ones: WS04 reports that. */
    private static boolean dropped(HeaderSet headers, String name) {
        return headers.droppedWithoutReplacement().stream().anyMatch(d -> d.arg(0).equalsIgnoreCase(name)
                && (name.equals("upgrade") || d.argCount() > 1 && upgrades(d.arg(1))));
    }

    private static boolean upgrades(String connection) {
        return connection.startsWith("$") || connection.toLowerCase(Locale.ROOT).contains("upgrade");
    }
}

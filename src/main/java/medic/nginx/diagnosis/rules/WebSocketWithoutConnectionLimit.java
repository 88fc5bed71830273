package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
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

/**
 * RL01: nothing limits how many tunnels one client holds or how fast handshakes arrive, so when a backend drops
 * every WebSocket at once the reconnect wave (or a deliberate flood of handshakes) lands on it unthrottled.
 * limit_conn and limit_req are inherited from outer levels, so any of them in force counts as a limit.
 */
public final class WebSocketWithoutConnectionLimit implements Rule {
    static final String ZONE = "ws_conn_zone";
    static final String PER_CLIENT = "50";

    @Override
    public String id() {
        return "RL01";
    }

    @Override
    public String title() {
        return "WebSocket endpoint without limit_conn / limit_req";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        if (config.http() == null) {
            return List.of();
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        List<String> zone = zone(config.http());
        String zoneName = zoneName(zone);
        String zoneArgs = String.join(" ", zone);
        for (Location location : analysis.webSocketLocations()) {
            if (limited(location.scope())) {
                continue;
            }
            out.add(findings.at(location.block(), Severity.MEDIUM)
                    .message(location.label() + " accepts any number of concurrent WebSocket tunnels and handshakes"
                            + " per client (no limit_conn or limit_req here or at an outer level): after a mass"
                            + " disconnect every client reconnects at once, and the backend takes the whole herd.")
                    .value("limit_conn / limit_req (none in force)", "no limit")
                    .fix("limit_conn_zone " + zoneArgs + " in http and limit_conn " + zoneName + " "
                            + PER_CLIENT + " in " + location.label() + " (raise it if many clients share one address)")
                    .change(new Change.EnsureHttpDirective("limit_conn_zone", zone, 2))
                    .change(Change.AddDirective.ifAbsent(location.scope(), "limit_conn",
                            List.of(zoneName, PER_CLIENT), 1))
                    .build());
        }
        return out;
    }

    private static boolean limited(Scope scope) {
        for (Scope s = scope; s != null && s.kind() != ScopeKind.MAIN; s = s.parent()) {
            if (s.has("limit_conn") || s.has("limit_req")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The limit_conn_zone to use: an existing {@code ws_conn_zone}, else an existing per-address zone, else a new
     * one. Reusing keeps nginx from rejecting a second zone of the same name and avoids a zone nobody needs.
     */
    static List<String> zone(Scope http) {
        List<Directive> zones = http.all("limit_conn_zone");
        for (Directive d : zones) {
            if (ZONE.equals(zoneName(d.args()))) {
                return d.args();
            }
        }
        for (Directive d : zones) {
            if ("$binary_remote_addr".equals(d.arg(0)) && zoneName(d.args()) != null) {
                return d.args();
            }
        }
        return List.of("$binary_remote_addr", "zone=" + ZONE + ":10m");
    }

    static String zoneName(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("zone=")) {
                int colon = arg.indexOf(':');
                return colon < 0 ? arg.substring(5) : arg.substring(5, colon);
            }
        }
        return null;
    }
}

package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;

/**
 * NW01: a long, quiet tunnel to the backend crosses NAT tables and load balancers that forget idle flows; with
 * {@code proxy_socket_keepalive off} (the default) nothing on the upstream socket tells them it is still alive.
 */
public final class TunnelWithoutTcpKeepalive implements Rule {
    /** The release that added proxy_socket_keepalive. */
    private static final NginxVersion SOCKET_KEEPALIVE = new NginxVersion(1, 15, 6);

    @Override
    public String id() {
        return "NW01";
    }

    @Override
    public String title() {
        return "WebSocket tunnels without TCP keepalive to the backend";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        if (config.versionKnown() && !config.version().atLeast(SOCKET_KEEPALIVE)) {
            return List.of();
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Location location : analysis.webSocketLocations()) {
            Effective keepalive = config.effective(location, "proxy_socket_keepalive");
            if ("on".equalsIgnoreCase(keepalive.firstArg())) {
                continue;
            }
            out.add(findings.at(Culprit.of(keepalive, location), Severity.LOW)
                    .message(location.label() + " holds long-lived tunnels to the backend without SO_KEEPALIVE"
                            + (keepalive.isDefault() ? " (proxy_socket_keepalive is off by default)" : "")
                            + ": a NAT gateway or load balancer between nginx and the backend can silently drop an"
                            + " idle flow, and the next frame meets a reset.")
                    .value(keepalive)
                    .fix("proxy_socket_keepalive on in " + location.label() + "; probes follow the kernel's"
                            + " net.ipv4.tcp_keepalive_time (7200s by default), so lower it below the NAT/LB idle"
                            + " timeout for this to help")
                    .change(new Change.SetDirective(location.scope(), "proxy_socket_keepalive", List.of("on")))
                    .build());
        }
        return out;
    }
}

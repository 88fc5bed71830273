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

/**
 * WS06: in a tunnel, proxy_read_timeout is the longest silence nginx tolerates in both directions; at the 60s
 * default an idle WebSocket waiting for a push is cut (logged only at info level, so it looks like a reset).
 */
public final class TunnelReadTimeoutTooShort extends WebSocketLocationRule {
    @Override
    public String id() {
        return "WS06";
    }

    @Override
    public String title() {
        return "proxy_read_timeout too short for idle WebSocket tunnels";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        Effective timeout = config.effective(location, "proxy_read_timeout");
        if (!TunnelTimeouts.tooShort(timeout)) {
            return;
        }
        out.add(findings.at(Culprit.of(timeout, location), Severity.MEDIUM)
                .message(location.label() + " keeps WebSocket tunnels open only while some frame passes at least"
                        + " every " + timeout.firstArg() + (timeout.isDefault() ? " (nginx default)" : "")
                        + ": after that much silence in both directions nginx closes the tunnel, logging it only"
                        + " at info level, and clients see a dropped connection.")
                .value(timeout)
                .confirmedBy(analysis.log().samples(location, 3, FailureClass.TUNNEL_IDLE_TIMEOUT))
                .fix("proxy_read_timeout " + TunnelTimeouts.PROPOSED + " in " + location.label()
                        + "; or have the application send WebSocket pings more often than the timeout")
                .change(new Change.SetDirective(location.scope(), "proxy_read_timeout",
                        List.of(TunnelTimeouts.PROPOSED)))
                .build());
    }
}

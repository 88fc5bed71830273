package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;

/**
 * WS09: in a tunnel nginx arms proxy_send_timeout while a write to the backend is blocked and send_timeout while
 * a write to the client is blocked; a slow reader on either side that stalls that long loses the WebSocket.
 * proxy_send_timeout is judged like proxy_read_timeout (default included); send_timeout only when set below
 * nginx's own 60s, since raising it for every client is not the tunnel's business.
 */
public final class TunnelSendTimeoutTooShort extends WebSocketLocationRule {
    private static final Duration CLIENT_DEFAULT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "WS09";
    }

    @Override
    public String title() {
        return "proxy_send_timeout / send_timeout short for WebSocket tunnels";
    }

    @Override
    void check(Analysis analysis, Location location, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        Effective upstream = config.effective(location, "proxy_send_timeout");
        if (TunnelTimeouts.tooShort(upstream)) {
            out.add(findings.at(Culprit.of(upstream, location), Severity.LOW)
                    .message(location.label() + " lets a tunnel's write to the backend stay blocked for only "
                            + upstream.firstArg() + (upstream.isDefault() ? " (nginx default)" : "")
                            + ": a backend that stops reading that long (GC pause, busy event loop) gets its"
                            + " WebSocket closed as \"upstream timed out\".")
                    .value(upstream)
                    .fix("proxy_send_timeout " + TunnelTimeouts.PROPOSED + " in " + location.label())
                    .change(new Change.SetDirective(location.scope(), "proxy_send_timeout",
                            List.of(TunnelTimeouts.PROPOSED)))
                    .build());
        }
        Effective client = config.effective(location, "send_timeout");
        Duration clientValue = NginxTime.parse(client.firstArg());
        if (!client.isDefault() && clientValue != null && clientValue.compareTo(CLIENT_DEFAULT) < 0) {
            out.add(findings.at(client.source(), Severity.LOW)
                    .message(location.label() + " drops a WebSocket client that does not read for "
                            + client.firstArg() + " (set at " + config.where(client.source()) + ", below nginx's"
                            + " 60s default): mobile clients on a stalled network lose the tunnel.")
                    .value(client)
                    .fix("send_timeout 60s in " + location.label())
                    .change(new Change.SetDirective(location.scope(), "send_timeout", List.of("60s")))
                    .build());
        }
    }
}

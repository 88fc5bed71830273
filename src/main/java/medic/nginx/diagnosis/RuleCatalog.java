package medic.nginx.diagnosis;

import java.util.List;
import medic.nginx.diagnosis.rules.BufferingOnStreamingLocation;
import medic.nginx.diagnosis.rules.HardCodedConnectionUpgrade;
import medic.nginx.diagnosis.rules.InheritedHeadersDropped;
import medic.nginx.diagnosis.rules.MissingUpgradeHeaders;
import medic.nginx.diagnosis.rules.TunnelReadTimeoutTooShort;
import medic.nginx.diagnosis.rules.TunnelSendTimeoutTooShort;
import medic.nginx.diagnosis.rules.TunnelWithoutTcpKeepalive;
import medic.nginx.diagnosis.rules.UpgradeMapClosesPooledConnections;
import medic.nginx.diagnosis.rules.WebSocketOverHttp10;
import medic.nginx.diagnosis.rules.WebSocketOverHttp2;
import medic.nginx.diagnosis.rules.WebSocketUrisServedElsewhere;
import medic.nginx.diagnosis.rules.WebSocketWithoutConnectionLimit;

/** The rules medic runs, under the stable ids of the catalogue (BRIEF section 4). */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(
                new MissingUpgradeHeaders(),
                new WebSocketOverHttp10(),
                new WebSocketOverHttp2(),
                new InheritedHeadersDropped(),
                new WebSocketUrisServedElsewhere(),
                new TunnelReadTimeoutTooShort(),
                new HardCodedConnectionUpgrade(),
                new UpgradeMapClosesPooledConnections(),
                new TunnelSendTimeoutTooShort(),
                new BufferingOnStreamingLocation(),
                new TunnelWithoutTcpKeepalive(),
                new WebSocketWithoutConnectionLimit());
    }
}

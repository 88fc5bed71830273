package medic.nginx.diagnosis;

import java.util.List;
import medic.nginx.diagnosis.rules.BufferingOnStreamingLocation;
import medic.nginx.diagnosis.rules.DefaultMaxFails;
import medic.nginx.diagnosis.rules.HardCodedConnectionUpgrade;
import medic.nginx.diagnosis.rules.HostnameResolvedOnce;
import medic.nginx.diagnosis.rules.ImplicitKeepaliveUnreviewed;
import medic.nginx.diagnosis.rules.InheritedHeadersDropped;
import medic.nginx.diagnosis.rules.KeepaliveOutlivesBackend;
import medic.nginx.diagnosis.rules.KeepalivePoolUnused;
import medic.nginx.diagnosis.rules.LogsHideUpstreamTrouble;
import medic.nginx.diagnosis.rules.MissingUpgradeHeaders;
import medic.nginx.diagnosis.rules.NoKeepalivePool;
import medic.nginx.diagnosis.rules.NonIdempotentResets;
import medic.nginx.diagnosis.rules.ResponseHeaderBufferTooSmall;
import medic.nginx.diagnosis.rules.RetriesDisabled;
import medic.nginx.diagnosis.rules.SingleServerUpstream;
import medic.nginx.diagnosis.rules.SlowConnectTimeout;
import medic.nginx.diagnosis.rules.TunnelReadTimeoutTooShort;
import medic.nginx.diagnosis.rules.TunnelSendTimeoutTooShort;
import medic.nginx.diagnosis.rules.TunnelWithoutTcpKeepalive;
import medic.nginx.diagnosis.rules.UpgradeMapClosesPooledConnections;
import medic.nginx.diagnosis.rules.WebSocketOverHttp10;
import medic.nginx.diagnosis.rules.WebSocketOverHttp2;
import medic.nginx.diagnosis.rules.WebSocketUrisServedElsewhere;
import medic.nginx.diagnosis.rules.WebSocketWithoutConnectionLimit;
import medic.nginx.diagnosis.rules.WorkerConnectionsTooFew;

/** The rules medic runs, in catalogue order, under the stable ids of BRIEF section 4. */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(
                // WebSocket proxying
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
                // upstream keepalive
                new KeepalivePoolUnused(),
                new KeepaliveOutlivesBackend(),
                new ImplicitKeepaliveUnreviewed(),
                new NoKeepalivePool(),
                // retries and failover
                new NonIdempotentResets(),
                new RetriesDisabled(),
                new SingleServerUpstream(),
                new DefaultMaxFails(),
                new SlowConnectTimeout(),
                // network, capacity, abuse, observability, DNS, buffers
                new TunnelWithoutTcpKeepalive(),
                new WorkerConnectionsTooFew(),
                new WebSocketWithoutConnectionLimit(),
                new LogsHideUpstreamTrouble(),
                new HostnameResolvedOnce(),
                new ResponseHeaderBufferTooSmall());
    }
}

package medic.nginx.diagnosis;

import java.util.List;
import medic.nginx.diagnosis.rules.DefaultMaxFails;
import medic.nginx.diagnosis.rules.HostnameResolvedOnce;
import medic.nginx.diagnosis.rules.ImplicitKeepaliveUnreviewed;
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
import medic.nginx.diagnosis.rules.WorkerConnectionsTooFew;

/** The rules medic runs, under the stable ids of the catalogue (BRIEF section 4). */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(
                new MissingUpgradeHeaders(),
                // upstream, retry, capacity, logging rules
                new KeepalivePoolUnused(),
                new KeepaliveOutlivesBackend(),
                new ImplicitKeepaliveUnreviewed(),
                new NoKeepalivePool(),
                new NonIdempotentResets(),
                new RetriesDisabled(),
                new SingleServerUpstream(),
                new DefaultMaxFails(),
                new SlowConnectTimeout(),
                new WorkerConnectionsTooFew(),
                new LogsHideUpstreamTrouble(),
                new HostnameResolvedOnce(),
                new ResponseHeaderBufferTooSmall());
    }
}

package medic.nginx.diagnosis.rules;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * RT03: an upstream block with one live server and no backup has nowhere to fail over to, and nginx keeps no
 * failure accounting for a lone peer (max_fails and fail_timeout are ignored). Only explicit upstream blocks:
 * a literal proxy_pass address is a deliberate single backend, and saying so for each would be noise.
 */
public final class SingleServerUpstream extends UpstreamBlockRule {
    @Override
    public String id() {
        return "RT03";
    }

    @Override
    public String title() {
        return "Upstream with a single server and no backup";
    }

    @Override
    void check(Analysis analysis, Upstream upstream, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        List<UpstreamServer> primary = upstream.primaryServers();
        if (primary.size() != 1 || upstream.hasBackup()) {
            return;
        }
        UpstreamServer server = primary.get(0);
        String hostname = server.isHostname() ? " (unless " + server.host() + " resolves to several addresses,"
                + " which nginx then balances)" : "";
        out.add(findings.at(upstream.block(), Severity.LOW)
                .message("Upstream " + upstream.name() + " has one server, " + server.address() + hostname
                        + ": when it restarts or resets connections every request fails, and nginx keeps no"
                        + " failure accounting for a lone server (max_fails/fail_timeout do nothing).")
                .value(upstream.servers().size() + " server line(s), 1 in service, no backup", "n/a")
                .evidence("server " + String.join(" ", server.directive().args()) + " at "
                        + config.where(server.directive()))
                .fix("add a second server (another instance or port of the app), or a `backup` server that"
                        + " takes over while " + server.address() + " is down")
                .build());
    }
}

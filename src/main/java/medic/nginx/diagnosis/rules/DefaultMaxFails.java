package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * RT04: with the default {@code max_fails=1}, a single reset or refused connection takes a server out of
 * rotation for fail_timeout (10s); a burst of resets across the group leaves nothing and nginx answers
 * "no live upstreams" (502) until the timeout passes. One finding per upstream: at the first server that writes
 * {@code max_fails=1} when one does, else (the default applies) at the upstream block, which gets the fix.
 */
public final class DefaultMaxFails implements Rule {
    static final String MAX_FAILS = "3";
    static final String FAIL_TIMEOUT = "30s";

    @Override
    public String id() {
        return "RT04";
    }

    @Override
    public String title() {
        return "Upstream servers ejected after a single failure (max_fails=1)";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : config.upstreams().values()) {
            List<UpstreamServer> live = upstream.servers().stream().filter(s -> !s.down()).toList();
            List<UpstreamServer> fragile = live.stream().filter(DefaultMaxFails::ejectedOnFirstFailure).toList();
            if (live.size() < 2 || fragile.isEmpty()) {
                continue;
            }
            UpstreamServer first = fragile.stream().filter(s -> s.param("max_fails") != null).findFirst()
                    .orElse(fragile.get(0));
            Findings.Builder finding = findings.at(first.param("max_fails") != null ? first.directive()
                            : upstream.block(), Severity.MEDIUM)
                    .message("Upstream " + upstream.name() + " has " + live.size() + " servers and " + fragile.size()
                            + " of them use max_fails=1" + (first.param("max_fails") == null ? " (default)" : "")
                            + ": one reset or refused connection takes a server out for fail_timeout, and a burst of"
                            + " resets across the group ends in \"no live upstreams\" 502s.")
                    .value("max_fails " + (first.param("max_fails") == null ? "1 (default)" : first.param("max_fails"))
                            + ", fail_timeout " + (first.param("fail_timeout") == null ? "10s (default)"
                            : first.param("fail_timeout")), "max_fails 1, fail_timeout 10s")
                    .confirmedBy(UpstreamLog.samples(analysis, upstream, 3, FailureClass.NO_LIVE_UPSTREAMS,
                            FailureClass.SERVER_DISABLED))
                    .fix("max_fails=" + MAX_FAILS + " fail_timeout=" + FAIL_TIMEOUT + " on every server of upstream "
                            + upstream.name());
            for (UpstreamServer server : fragile) {
                finding.evidence("server " + String.join(" ", server.directive().args()) + " at "
                        + config.where(server.directive()));
                finding.change(new Change.SetServerParam(server, "max_fails", MAX_FAILS));
                if (server.param("fail_timeout") == null) {
                    finding.change(new Change.SetServerParam(server, "fail_timeout", FAIL_TIMEOUT));
                }
            }
            out.add(finding.build());
        }
        return out;
    }

    /** No max_fails parameter, or an explicit 1 (0 switches the accounting off, which is a choice). */
    static boolean ejectedOnFirstFailure(UpstreamServer server) {
        String maxFails = server.param("max_fails");
        return maxFails == null || maxFails.equals("1");
    }
}

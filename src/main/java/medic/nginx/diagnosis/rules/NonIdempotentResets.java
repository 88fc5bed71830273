package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * RT01: when a reused keepalive connection turns out dead, nginx retries the request on another connection,
 * but never a POST, PATCH or LOCK once it has started sending it (unless proxy_next_upstream has
 * {@code non_idempotent}): those clients get a 502. Only the error log can show this, so the rule needs one.
 */
public final class NonIdempotentResets implements Rule {
    static final Set<String> NON_IDEMPOTENT = Set.of("POST", "PATCH", "LOCK");
    /** Failed requests from which the finding is raised a step: a pattern, not a one-off. */
    static final long MANY = 10;

    @Override
    public String id() {
        return "RT01";
    }

    @Override
    public String title() {
        return "POST/PATCH requests failing on reused upstream connections";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Location location : config.locations()) {
            Upstream upstream = config.upstreamOf(location).orElse(null);
            Effective nextUpstream = config.effective(location, "proxy_next_upstream");
            if (Pools.size(config, upstream) == 0 || nextUpstream.value().contains("non_idempotent")) {
                continue;
            }
            List<LogEvent> failed = analysis.log().events(location, KeepaliveOutlivesBackend.RACE).stream()
                    .filter(e -> e.method() != null && NON_IDEMPOTENT.contains(e.method().toUpperCase(Locale.ROOT)))
                    .toList();
            long count = failed.stream().mapToLong(LogEvent::count).sum();
            if (count == 0) {
                continue;
            }
            List<String> samples = UpstreamLog.samples(failed, 3);
            Findings.Builder finding = findings.at(location.block(), Severity.MEDIUM)
                    .message(count + " POST/PATCH request(s) through " + location.label() + " failed with a reset or"
                            + " premature close from upstream " + upstream.name() + ", which pools connections."
                            + " nginx retries a GET that hits a dead reused connection, but not a non-idempotent"
                            + " request it has started sending: the client gets a 502.")
                    .value(nextUpstream)
                    .evidence("pool: keepalive " + Pools.size(config, upstream)
                            + (Pools.hasExplicitKeepalive(upstream) ? "" : " (implicit, nginx " + config.version() + ")"))
                    .fix("make the pool's keepalive_timeout shorter than the backend's idle timeout (KA02) so"
                            + " reused connections are not dead; add non_idempotent to proxy_next_upstream only if"
                            + " these endpoints tolerate a request arriving twice");
            if (count >= MANY) {
                finding.confirmedBy(samples);
            } else {
                finding.evidence(samples);
            }
            out.add(finding.build());
        }
        return out;
    }
}

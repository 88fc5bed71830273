package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * KA03: from nginx 1.29.7 every upstream block silently gets {@code keepalive 32 local}, HTTP/1.1 and no
 * {@code Connection: close}. A config written for older releases now reuses backend connections for up to
 * keepalive_timeout (60s), which backends with shorter idle timeouts answer with resets.
 * <p>
 * Fires when the version is known to be 1.29.7 or later, the block has no {@code keepalive} line (nobody chose
 * the pool), a location really reuses its connections, and no backend idle timeout is known for it: with one,
 * KA02 decides. Advice only: writing {@code keepalive 32 local;} would change nothing but silence the review.
 */
public final class ImplicitKeepaliveUnreviewed implements Rule {
    @Override
    public String id() {
        return "KA03";
    }

    @Override
    public String title() {
        return "nginx 1.29.7+ pools upstream connections this config never asked for";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        if (!config.versionKnown() || !config.version().http11ByDefault()) {
            return List.of();
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : config.upstreams().values()) {
            if (Pools.hasExplicitKeepalive(upstream) || BackendIdle.of(analysis.facts(), upstream) != null) {
                continue;
            }
            List<Location> pooled = Pools.locationsUsing(config, upstream).stream()
                    .filter(l -> PooledLocation.of(analysis, l).reusesConnections()).toList();
            if (pooled.isEmpty()) {
                continue;
            }
            Effective timeout = Pools.keepaliveTimeout(upstream);
            out.add(findings.at(upstream.block(), Severity.MEDIUM)
                    .message("nginx " + config.version() + " gives upstream " + upstream.name() + " an implicit"
                            + " keepalive " + Pools.IMPLICIT_SIZE + " local and proxies with HTTP/1.1 (before 1.29.7:"
                            + " one connection per request). Idle backend connections now stay open for "
                            + timeout.value() + "; a backend that drops them sooner makes reused requests fail with"
                            + " 104 resets.")
                    .value(new Effective("keepalive", Pools.IMPLICIT_SIZE + " local", null, Pools.IMPLICIT_SIZE
                            + " local (1.29.7+), none before"))
                    .evidence("keepalive_timeout " + timeout.value() + (timeout.isDefault() ? " (default)" : ""))
                    .evidence("reused by " + String.join(", ", pooled.stream()
                            .map(l -> l.label() + " (" + config.where(l.block()) + ")").toList()))
                    .fix("check that every backend of " + upstream.name() + " keeps idle connections longer than "
                            + timeout.value() + " (declare it so medic can check), or lower keepalive_timeout"
                            + " below the backend's; `keepalive 0;` restores one connection per request")
                    .build());
        }
        return out;
    }
}

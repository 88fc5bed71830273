package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;
import medic.nginx.model.Scope;
import medic.nginx.model.Upstream;

/**
 * TO01: a proxying location waits up to proxy_connect_timeout (default 60s) for a backend that does not answer
 * its SYN before trying the next server or answering 504. Above 10s the fix sets 10s: where the default
 * applies, in the location itself; where an explicit value is inherited, in the scope that writes it.
 */
public final class SlowConnectTimeout implements Rule {
    static final Duration LIMIT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return "TO01";
    }

    @Override
    public String title() {
        return "proxy_connect_timeout delays failover";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        Map<Directive, Boolean> reported = new IdentityHashMap<>();
        for (Location location : config.locations()) {
            if (config.proxyPass(location).isEmpty()) {
                continue;
            }
            Effective timeout = config.effective(location, "proxy_connect_timeout");
            Duration value = NginxTime.parse(timeout.firstArg());
            if (value == null || value.compareTo(LIMIT) <= 0) {
                continue;
            }
            if (!timeout.isDefault() && reported.put(timeout.source(), true) != null) {
                continue; // an inherited line is reported once, not for every location below it
            }
            Upstream upstream = config.upstreamOf(location).orElse(null);
            boolean failover = upstream != null && upstream.servers().stream().filter(s -> !s.down()).count() > 1;
            Directive at = timeout.isDefault() ? location.block() : timeout.source();
            Scope scope = timeout.isDefault() ? location.scope() : Scopes.writing(location, timeout.source());
            out.add(findings.at(at, Severity.LOW)
                    .message("proxy_connect_timeout " + timeout.value() + (timeout.isDefault() ? " (default)" : "")
                            + (timeout.isDefault() ? " in " + location.label() : "") + ": when a backend host is down"
                            + " or drops SYNs, nginx waits that long before "
                            + (failover ? "trying the next server of " + upstream.name() : "answering 504")
                            + "; a backend on the same network accepts within milliseconds.")
                    .value(timeout)
                    .fix("proxy_connect_timeout " + NginxTime.format(LIMIT))
                    .change(new Change.SetDirective(scope, "proxy_connect_timeout",
                            List.of(NginxTime.format(LIMIT))))
                    .build());
        }
        return out;
    }
}

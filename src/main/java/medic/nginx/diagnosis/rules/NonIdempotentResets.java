package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * One finding per pooled upstream, at its block, naming the locations the failed requests came through.
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

    /** The failed non-idempotent requests of one pooled upstream, and the locations they came through. */
    private record Failures(Upstream upstream, List<Location> locations, List<Effective> nextUpstream,
                            List<LogEvent> events) {
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<String, Failures> byUpstream = new LinkedHashMap<>();
        for (Location location : config.locations()) {
            // The log test first: most locations of a large config saw no failure at all.
            List<LogEvent> raced = analysis.log().events(location, KeepaliveOutlivesBackend.RACE);
            if (raced.isEmpty()) {
                continue;
            }
            Upstream upstream = config.upstreamOf(location).orElse(null);
            Effective nextUpstream = config.effective(location, "proxy_next_upstream");
            if (Pools.size(config, upstream) == 0 || nextUpstream.value().contains("non_idempotent")) {
                continue;
            }
            List<LogEvent> failed = raced.stream()
                    .filter(e -> e.method() != null && NON_IDEMPOTENT.contains(e.method().toUpperCase(Locale.ROOT)))
                    .toList();
            if (failed.stream().mapToLong(LogEvent::count).sum() == 0) {
                continue;
            }
            Failures failures = byUpstream.computeIfAbsent(upstream.name(),
                    n -> new Failures(upstream, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            failures.locations().add(location);
            failures.nextUpstream().add(nextUpstream);
            failures.events().addAll(failed);
        }
        Findings findings = new Findings(this, config);
        return byUpstream.values().stream().map(f -> finding(findings, config, f)).toList();
    }

    /** At the upstream block: the fix (KA02, a keepalive_timeout below the backend's) belongs to the pool. */
    private static Finding finding(Findings findings, NginxConfig config, Failures failures) {
        Upstream upstream = failures.upstream();
        long count = failures.events().stream().mapToLong(LogEvent::count).sum();
        String through = failures.locations().stream().map(Location::label).collect(Collectors.joining(", "));
        List<String> samples = UpstreamLog.samples(failures.events(), 3);
        Findings.Builder finding = findings.at(upstream.block(), Severity.MEDIUM)
                .message(count + " POST/PATCH request(s) through " + through + " failed with a reset or premature"
                        + " close from upstream " + upstream.name() + ", which pools connections. nginx retries a GET"
                        + " that hits a dead reused connection, but not a non-idempotent request it has started"
                        + " sending: the client gets a 502.")
                .value(failures.nextUpstream().get(0))
                .evidence("pool: keepalive " + Pools.size(config, upstream)
                        + (Pools.hasExplicitKeepalive(upstream) ? "" : " (implicit, nginx " + config.version() + ")"))
                .fix("make the pool's keepalive_timeout shorter than the backend's idle timeout (KA02) so"
                        + " reused connections are not dead; add non_idempotent to proxy_next_upstream (in " + through
                        + ") only if these endpoints tolerate a request arriving twice");
        if (count >= MANY) {
            finding.confirmedBy(samples);
        } else {
            finding.evidence(samples);
        }
        return finding.build();
    }
}

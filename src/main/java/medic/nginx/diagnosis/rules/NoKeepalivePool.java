package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;
import medic.nginx.model.Upstream;

/**
 * KA04: before 1.29.7 an upstream without {@code keepalive} gets a fresh TCP connection per request, closed
 * after the response: handshakes, TIME_WAIT sockets and, under load, ephemeral port exhaustion. The fix adds
 * the pool and, in every location using it, what the pool needs (HTTP/1.1, no Connection: close), so KA01
 * does not fire on the result; with a known backend idle timeout the pool's timeout stays below it (KA02).
 */
public final class NoKeepalivePool implements Rule {
    static final String POOL = "64";
    static final int REQUESTS = 10000;
    static final Duration TIMEOUT = Duration.ofSeconds(75);
    static final String UNKNOWN_IDLE = "backend idle timeout unknown (neither declared nor measured)";
    static final String COMMON_DEFAULTS = "Node's and uvicorn's 5s or gunicorn's 2s defaults";
    static final String HOW_TO_KNOW = "declare it (inventory nginx.backend_idle_timeouts, or medic diagnose"
            + " --backend-idle) or measure it (MEDIC_PROBE_BACKEND_IDLE) and medic keeps the pool's timeout below it";

    @Override
    public String id() {
        return "KA04";
    }

    @Override
    public String title() {
        return "Upstream without a keepalive pool (a new connection per request)";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        if (config.version().http11ByDefault()) {
            return List.of();
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : config.upstreams().values()) {
            List<Location> locations = Pools.locationsUsing(config, upstream);
            if (Pools.hasExplicitKeepalive(upstream) || locations.isEmpty()) {
                continue;
            }
            Findings.Builder finding = findings.at(upstream.block(), Severity.LOW)
                    .message("Upstream " + upstream.name() + " has no keepalive: nginx " + config.version()
                            + (config.versionKnown() ? "" : " (assumed)") + " opens a new connection to the backend"
                            + " for every request and closes it after the response, so each request pays a TCP"
                            + " handshake and leaves a TIME_WAIT socket; under load that exhausts ephemeral ports.")
                    .value("keepalive (not set: one connection per request)",
                            "keepalive: none before 1.29.7, 32 local from 1.29.7")
                    .confirmedBy(churn(analysis, upstream))
                    .change(new Change.SetDirective(upstream.scope(), "keepalive", List.of(POOL)));
            Directive requests = upstream.directive("keepalive_requests");
            if (requests == null || below(requests, REQUESTS)) {
                finding.change(new Change.SetDirective(upstream.scope(), "keepalive_requests",
                        List.of(String.valueOf(REQUESTS))));
            }
            if (BackendIdle.of(analysis.facts(), upstream) == null) {
                finding.evidence(UNKNOWN_IDLE + ": the pool is safe only if the backend keeps idle connections"
                        + " longer than nginx's keepalive_timeout, and " + COMMON_DEFAULTS + " do not");
            }
            Duration timeout = timeout(analysis, upstream);
            if (timeout != null) {
                finding.change(new Change.SetDirective(upstream.scope(), "keepalive_timeout",
                        List.of(NginxTime.format(timeout))));
            }
            List<String> locationFixes = new ArrayList<>();
            for (Location location : locations) {
                PooledLocation pooled = PooledLocation.of(analysis, location);
                finding.evidence("used by " + location.label() + " (" + config.where(location.block()) + ")"
                        + (pooled.reusesConnections() ? "" : ": " + pooled.problem()));
                pooled.changes(analysis).forEach(finding::change);
                if (!pooled.reusesConnections()) {
                    locationFixes.add(location.label());
                }
                closingMap(config, location).ifPresent(map -> {
                    // The new pool would be closed by every plain request: WS08's fix, made now so one pass suffices.
                    finding.change(new Change.SetMapEntry(map.scope(), "''", PooledLocation.EMPTY));
                    String mapFix = "map " + map.variable() + " ('' close -> '' \"\")";
                    if (!locationFixes.contains(mapFix)) {
                        locationFixes.add(mapFix);
                    }
                });
            }
            out.add(finding.fix(fixText(analysis, upstream, timeout, locationFixes)).build());
        }
        return out;
    }

    /**
     * The keepalive_timeout to write, or null to keep the block's own: 75s, but below a known backend idle
     * timeout, since parking connections longer than the backend keeps them is KA02's reset race.
     */
    private static Duration timeout(Analysis analysis, Upstream upstream) {
        BackendIdle backend = BackendIdle.of(analysis.facts(), upstream);
        Duration safe = backend == null ? null : backend.safeNginxTimeout();
        Duration target = safe != null && safe.compareTo(TIMEOUT) < 0 ? safe : TIMEOUT;
        Directive own = upstream.directive("keepalive_timeout");
        if (own == null) {
            return target;
        }
        Duration current = NginxTime.parse(own.arg(0));
        return backend != null && current != null && current.compareTo(backend.idle()) >= 0 ? target : null;
    }

    /** The upgrade map a location takes Connection from, when it sends "close" on plain requests. */
    private static java.util.Optional<UpgradeMap> closingMap(NginxConfig config, Location location) {
        UpgradeMap map = UpgradeMap.find(config);
        String connection = config.headers(location).value("Connection");
        return map != null && map.variable().equals(connection) && "close".equalsIgnoreCase(map.emptyValue())
                ? java.util.Optional.of(map) : java.util.Optional.empty();
    }

    private static boolean below(Directive directive, int value) {
        try {
            return Integer.parseInt(directive.arg(0)) < value;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** connect() failing with EADDRNOTAVAIL: the ephemeral ports are used up by short-lived connections. */
    private static List<String> churn(Analysis analysis, Upstream upstream) {
        return UpstreamLog.events(analysis, upstream, FailureClass.CONNECT_FAILED).stream()
                .filter(e -> e.sample() != null && e.sample().contains("assign requested address"))
                .map(e -> e.sample()).distinct().limit(3).toList();
    }

    private static String fixText(Analysis analysis, Upstream upstream, Duration timeout, List<String> locations) {
        BackendIdle backend = BackendIdle.of(analysis.facts(), upstream);
        String pool = "keepalive " + POOL + ", keepalive_requests " + REQUESTS
                + (timeout == null ? "" : ", keepalive_timeout " + NginxTime.format(timeout)) + " in upstream "
                + upstream.name();
        String where = locations.isEmpty() ? "" : "; proxy_http_version 1.1 and a cleared Connection header in "
                + String.join(", ", locations);
        String app = backend != null && timeout != null && timeout.compareTo(TIMEOUT) < 0
                ? "; the backend idles out after " + NginxTime.format(backend.idle()) + ": raise it above "
                        + NginxTime.format(TIMEOUT) + " to pool longer"
                : "; the backend must keep idle connections longer than nginx's keepalive_timeout (Node:"
                        + " server.keepAliveTimeout > " + TIMEOUT.toMillis() + " ms, server.headersTimeout >"
                        + " server.keepAliveTimeout)";
        String unknown = backend == null ? ", before this is applied: with " + COMMON_DEFAULTS + " the pool would"
                + " itself cause 104 resets (KA02's race); or " + HOW_TO_KNOW : "";
        return pool + where + app + unknown;
    }

    /**
     * One note per upstream a KA04 finding gives a pool while its backend's idle timeout is unknown: the proposal
     * then relies on the backend keeping idle connections longer than nginx, which most app servers' defaults do
     * not, so the approver must hear it even when the low finding itself is not shown.
     */
    public static List<String> unknownBackendNotes(Analysis analysis, List<Finding> findings) {
        List<String> notes = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.rule().equals("KA04")) {
                continue;
            }
            for (Upstream upstream : analysis.config().upstreams().values()) {
                boolean pooled = finding.changes().stream().anyMatch(change -> change instanceof Change.SetDirective set
                        && set.scope() == upstream.scope() && set.name().equals("keepalive"));
                if (pooled && BackendIdle.of(analysis.facts(), upstream) == null) {
                    String timeout = finding.changes().stream().filter(change -> change instanceof Change.SetDirective
                            set && set.scope() == upstream.scope() && set.name().equals("keepalive_timeout"))
                            .map(change -> String.join(" ", ((Change.SetDirective) change).args())).findFirst()
                            .orElse(Pools.keepaliveTimeout(upstream).value());
                    notes.add("KA04 pools upstream " + upstream.name() + " for " + timeout + " idle, but its backend's"
                            + " idle timeout is unknown: if the backend gives up sooner (" + COMMON_DEFAULTS + ") the"
                            + " pool itself causes 104 resets; raise the backend's above " + timeout + " first, or "
                            + HOW_TO_KNOW);
                }
            }
        }
        return notes;
    }
}

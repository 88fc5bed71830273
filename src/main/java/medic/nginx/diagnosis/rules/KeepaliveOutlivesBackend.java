package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Effective;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;
import medic.nginx.model.Upstream;

/**
 * KA02: nginx keeps idle upstream connections at least as long as the backend does, so it sometimes sends a
 * request on a socket the backend is closing at that moment: the classic 104 reset on a reused connection.
 */
public final class KeepaliveOutlivesBackend extends UpstreamBlockRule {
    static final FailureClass[] RACE = {FailureClass.RESET_READING_HEADER, FailureClass.RESET_SENDING_REQUEST,
        FailureClass.PREMATURELY_CLOSED};

    @Override
    public String id() {
        return "KA02";
    }

    @Override
    public String title() {
        return "Upstream keepalive_timeout not below the backend's idle timeout";
    }

    @Override
    void check(Analysis analysis, Upstream upstream, Findings findings, List<Finding> out) {
        NginxConfig config = analysis.config();
        int pool = Pools.size(config, upstream);
        BackendIdle backend = BackendIdle.of(analysis.facts(), upstream);
        Effective timeout = Pools.keepaliveTimeout(upstream);
        Duration nginx = NginxTime.parse(timeout.value());
        if (pool == 0 || backend == null || nginx == null || nginx.compareTo(backend.idle()) < 0) {
            return;
        }
        Duration safe = backend.safeNginxTimeout();
        String poolText = Pools.hasExplicitKeepalive(upstream)
                ? "keepalive " + upstream.directive("keepalive").arg(0)
                : "the implicit keepalive " + Pools.IMPLICIT_SIZE + " local of nginx " + config.version();
        Findings.Builder finding = findings.at(anchor(upstream), Severity.HIGH)
                .message("Upstream " + upstream.name() + " parks idle connections for " + timeout.value()
                        + (timeout.isDefault() ? " (keepalive_timeout default)" : "") + " but the backend closes"
                        + " them after " + NginxTime.format(backend.idle()) + ": nginx reuses sockets the backend"
                        + " is closing, and the request fails with a reset (104) or a premature close.")
                .value(timeout)
                .evidence("backend idle timeout " + backend.describe())
                .evidence("pool: " + poolText)
                .confirmedBy(UpstreamLog.samples(analysis, upstream, 3, RACE))
                .fix(fixText(upstream, timeout, safe));
        if (safe != null) {
            finding.change(new Change.SetDirective(upstream.scope(), "keepalive_timeout",
                    List.of(NginxTime.format(safe))));
        }
        out.add(finding.build());
    }

    private static Directive anchor(Upstream upstream) {
        Directive timeout = upstream.directive("keepalive_timeout");
        if (timeout != null) {
            return timeout;
        }
        Directive keepalive = upstream.directive("keepalive");
        return keepalive != null ? keepalive : upstream.block();
    }

    static String fixText(Upstream upstream, Effective timeout, Duration safe) {
        String lower = safe == null ? "the backend keeps nothing alive: enable keep-alive on the backend"
                : "keepalive_timeout " + NginxTime.format(safe) + " in upstream " + upstream.name();
        return lower + "; or keep nginx at " + timeout.value() + " and raise the backend's idle timeout above it"
                + " (Node: server.keepAliveTimeout > " + NginxTime.parse(timeout.value()).toMillis()
                + " ms, server.headersTimeout > server.keepAliveTimeout)";
    }
}

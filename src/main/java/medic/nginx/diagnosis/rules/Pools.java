package medic.nginx.diagnosis.rules;

import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Upstream;

/**
 * Upstream keepalive pools as nginx builds them: an explicit {@code keepalive N}, or from 1.29.7 the implicit
 * {@code keepalive 32 local} every {@code upstream{}} block gets (never the implicit group of a literal
 * {@code proxy_pass} address: ngx_http_upstream_keepalive_init skips those).
 */
final class Pools {
    static final int IMPLICIT_SIZE = 32;
    static final String DEFAULT_KEEPALIVE_TIMEOUT = "60s";

    private Pools() {
    }

    /** Idle connections per worker nginx keeps for the upstream; 0 when it keeps none. */
    static int size(NginxConfig config, Upstream upstream) {
        if (upstream == null || upstream.isImplicit()) {
            return 0;
        }
        Directive keepalive = upstream.directive("keepalive");
        if (keepalive == null) {
            return config.version().http11ByDefault() ? IMPLICIT_SIZE : 0;
        }
        try {
            return Integer.parseInt(keepalive.arg(0));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean hasExplicitKeepalive(Upstream upstream) {
        return upstream != null && upstream.directive("keepalive") != null;
    }

    /**
     * The upstream's own {@code keepalive_timeout}. Read from the upstream block only: the http-level
     * directive of the same name is the client-side timeout and is not inherited by upstreams.
     */
    static Effective keepaliveTimeout(Upstream upstream) {
        Directive d = upstream.directive("keepalive_timeout");
        return d == null ? new Effective("keepalive_timeout", DEFAULT_KEEPALIVE_TIMEOUT, null, DEFAULT_KEEPALIVE_TIMEOUT)
                : new Effective("keepalive_timeout", String.join(" ", d.args()), d, DEFAULT_KEEPALIVE_TIMEOUT);
    }

    /** Locations whose proxy_pass names this upstream block, in file order. */
    static List<Location> locationsUsing(NginxConfig config, Upstream upstream) {
        return config.locationsUsing(upstream);
    }
}

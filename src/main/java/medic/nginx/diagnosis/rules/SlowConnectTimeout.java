package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import medic.nginx.model.ProxyPass;
import medic.nginx.model.Scope;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * TO01: a proxying location waits up to proxy_connect_timeout (default 60s) for a backend that does not answer
 * its SYN before it tries the next server. Only locations with somewhere to fail over to count (BRIEF s.4: the
 * timeout "delays failover"): two or more usable servers, or a server name that may resolve to several
 * addresses, each of which nginx tries as a peer. Above 10s the fix sets 10s: where the default applies, in the
 * location itself; where an explicit value is inherited, in the scope that writes it.
 */
public final class SlowConnectTimeout implements Rule {
    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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
            String next = nextPeer(config, location);
            if (next == null) {
                continue;
            }
            if (!timeout.isDefault() && reported.put(timeout.source(), true) != null) {
                continue; // an inherited line is reported once, not for every location below it
            }
            Directive at = timeout.isDefault() ? location.block() : timeout.source();
            Scope scope = timeout.isDefault() ? location.scope() : Scopes.writing(location, timeout.source());
            out.add(findings.at(at, Severity.LOW)
                    .message("proxy_connect_timeout " + timeout.value() + (timeout.isDefault() ? " (default)" : "")
                            + (timeout.isDefault() ? " in " + location.label() : "") + ": when a backend host is down"
                            + " or drops SYNs, nginx waits that long before trying " + next
                            + "; a backend on the same network accepts within milliseconds.")
                    .value(timeout)
                    .fix("proxy_connect_timeout " + NginxTime.format(LIMIT))
                    .change(new Change.SetDirective(scope, "proxy_connect_timeout",
                            List.of(NginxTime.format(LIMIT))))
                    .build());
        }
        return out;
    }

    /**
     * What nginx would fail over to from this location, or null when there is nothing: the next server of a
     * group with two or more servers not marked down (backup ones included), or the next address of a name.
     */
    static String nextPeer(NginxConfig config, Location location) {
        ProxyPass proxyPass = config.proxyPass(location).orElse(null);
        Upstream upstream = config.upstreamOf(location).orElse(null);
        if (proxyPass == null || upstream == null) {
            return null; // proxy_pass with variables: the peers are only known at run time
        }
        if (upstream.isImplicit()) {
            return isName(proxyPass.host()) ? "the next address " + proxyPass.host() + " resolves to" : null;
        }
        int usable = 0;
        UpstreamServer first = null;
        for (UpstreamServer server : upstream.servers()) {
            if (!server.down() && usable++ == 0) {
                first = server;
            }
        }
        if (usable > 1) {
            return "the next server of upstream " + upstream.name();
        }
        return usable == 1 && isName(first.host()) ? "the next address " + first.host() + " resolves to" : null;
    }

    /** True for a host name (which nginx resolves to all its addresses), false for IP literals and sockets. */
    static boolean isName(String host) {
        return host != null && !host.startsWith("unix:") && !host.startsWith("[")
                && !IPV4.matcher(host).matches();
    }
}

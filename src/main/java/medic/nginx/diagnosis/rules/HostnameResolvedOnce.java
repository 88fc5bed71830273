package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;
import medic.nginx.model.ProxyPass;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * DN01: a backend named by hostname, in an upstream server line without {@code resolve} or in a literal
 * proxy_pass, is resolved once when nginx loads the config. When the backend moves (container restart, DNS
 * failover) nginx keeps connecting to the old address: refused (111) or reset (104) until the next reload.
 * Advice only: the fix needs the address of a DNS resolver, which only the operator knows.
 */
public final class HostnameResolvedOnce implements Rule {
    private static final FailureClass[] STALE = {FailureClass.CONNECT_REFUSED, FailureClass.CONNECT_FAILED};

    @Override
    public String id() {
        return "DN01";
    }

    @Override
    public String title() {
        return "Backend hostname resolved only at start-up";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Upstream upstream : config.upstreams().values()) {
            for (UpstreamServer server : upstream.servers()) {
                if (!server.isHostname() || server.params().containsKey("resolve")) {
                    continue;
                }
                out.add(findings.at(server.directive(), Severity.MEDIUM)
                        .message(message(server.host()))
                        .value("server " + server.address() + " (no resolve)", "resolved once at start-up")
                        .confirmedBy(UpstreamLog.samples(analysis, upstream, 3, STALE))
                        .fix(upstreamFix(config, upstream))
                        .build());
            }
        }
        for (Location location : config.locations()) {
            ProxyPass pass = config.proxyPass(location).orElse(null);
            if (pass == null || pass.hasVariables() || config.upstreams().containsKey(pass.host())
                    || !isHostname(pass.host())) {
                continue;
            }
            out.add(findings.at(pass.directive(), Severity.MEDIUM)
                    .message(message(pass.host()))
                    .value("proxy_pass " + pass.directive().arg(0) + " (literal hostname)", "resolved once at start-up")
                    .confirmedBy(analysis.log().samples(location, 3, STALE))
                    .fix(literalFix(config, pass))
                    .build());
        }
        return out;
    }

    private static String message(String host) {
        return "nginx resolves " + host + " once, when it loads the config; when the backend's address changes"
                + " (container restart, DNS failover) it keeps connecting to the old one and clients get refused"
                + " (111) or reset (104) connections until the next reload.";
    }

    private static String upstreamFix(NginxConfig config, Upstream upstream) {
        String resolve = "add `resolve` to the server line, `zone " + upstream.name() + " 64k;` to upstream "
                + upstream.name() + (upstream.directive("zone") == null ? "" : " (it has a zone already)")
                + " and `resolver <your DNS> valid=30s;` in http";
        return advice(config, resolve);
    }

    private static String literalFix(NginxConfig config, ProxyPass pass) {
        String resolve = "move " + pass.target() + " into an upstream block as `server " + pass.target()
                + " resolve;` with a `zone` and a `resolver <your DNS> valid=30s;` in http";
        return advice(config, resolve);
    }

    private static String advice(NginxConfig config, String resolve) {
        String variable = "set `resolver <your DNS> valid=30s;` and proxy to a variable (`set $backend ...;"
                + " proxy_pass http://$backend;`), which nginx resolves at request time but without an upstream"
                + " pool";
        if (config.version().atLeast(NginxVersion.UPSTREAM_RESOLVE)) {
            return resolve;
        }
        return config.versionKnown() ? "nginx " + config.version() + " predates `resolve` (1.27.3): " + variable
                : resolve + " (nginx 1.27.3 or later); on older nginx " + variable;
    }

    /** A DNS name rather than an IP literal, localhost or a unix socket. */
    static boolean isHostname(String host) {
        return host != null && !host.startsWith("unix:") && !host.startsWith("[") && !host.equals("localhost")
                && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && host.chars().anyMatch(Character::isLetter);
    }
}

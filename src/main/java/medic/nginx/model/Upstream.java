package medic.nginx.model;

import java.util.List;
import medic.nginx.config.Directive;

/**
 * An {@code upstream} block, or the implicit one-server group nginx makes for {@code proxy_pass http://host:port}
 * (then {@code scope} is null and {@code implicitTarget} holds the address).
 */
public record Upstream(String name, Scope scope, List<UpstreamServer> servers, String implicitTarget) {

    static Upstream of(Scope scope) {
        List<UpstreamServer> servers = scope.all("server").stream().map(UpstreamServer::of).toList();
        return new Upstream(scope.block().arg(0), scope, servers, null);
    }

    static Upstream implicit(String target) {
        return new Upstream(target, null, List.of(), target);
    }

    public boolean isImplicit() {
        return scope == null;
    }

    public Directive block() {
        return scope == null ? null : scope.block();
    }

    /** A directive of the upstream block itself, e.g. {@code keepalive}; null when absent or implicit. */
    public Directive directive(String name) {
        return scope == null ? null : scope.find(name);
    }

    /** Servers that take traffic in normal operation (not {@code backup}, not {@code down}). */
    public List<UpstreamServer> primaryServers() {
        return servers.stream().filter(s -> !s.backup() && !s.down()).toList();
    }

    public boolean hasBackup() {
        return servers.stream().anyMatch(UpstreamServer::backup);
    }

    /** Number of addresses traffic can go to; an implicit upstream counts one. */
    public int serverCount() {
        return isImplicit() ? 1 : servers.size();
    }
}

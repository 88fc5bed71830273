package medic.nginx.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.nginx.config.Directive;

/**
 * Where each location proxies to, worked out once per config: its {@code proxy_pass}, the upstream group that
 * names, and for each upstream block the locations using it. Rules ask these for every location, often per
 * upstream, which on a config with thousands of locations made the questions themselves the main cost.
 */
final class ProxyRoutes {
    private final Map<String, Upstream> named;
    private final Map<Scope, List<Location>> users = new IdentityHashMap<>();

    /** Works out every location's route and records it on the location, with its index and header set. */
    ProxyRoutes(List<Location> locations, Map<String, Upstream> named) {
        this.named = named;
        // Reading each proxy_pass is independent per location, so it runs on two cores for a large config; the
        // header sets, shared between locations, and the users, in file order, are worked out on one.
        @SuppressWarnings("unchecked")
        Optional<ProxyPass>[] passes = new Optional[locations.size()];
        @SuppressWarnings("unchecked")
        Optional<Upstream>[] groups = new Optional[locations.size()];
        Halves.run(locations.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                passes[i] = passOf(locations.get(i));
                groups[i] = upstreamOf(passes[i]);
            }
        });
        Map<Scope, HeaderSet> headerSets = new IdentityHashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            Location location = locations.get(i);
            Optional<Upstream> upstream = groups[i];
            location.route(i, passes[i], upstream, NginxConfig.headersAt(location, headerSets));
            upstream.filter(u -> !u.isImplicit())
                    .ifPresent(u -> users.computeIfAbsent(u.scope(), s -> new ArrayList<>()).add(location));
        }
    }

    /** The location's own proxy_pass (nginx does not inherit it), or empty. */
    Optional<ProxyPass> pass(Location location) {
        Optional<ProxyPass> known = location.pass();
        return known != null ? known : passOf(location);
    }

    /** The upstream group a location proxies to: a named block, or the implicit group of a literal address. */
    Optional<Upstream> upstream(Location location) {
        Optional<Upstream> known = location.upstream();
        return known != null ? known : upstreamOf(passOf(location));
    }

    /** Locations whose proxy_pass names this upstream block, in file order. */
    List<Location> using(Upstream upstream) {
        return upstream == null || upstream.isImplicit() ? List.of()
                : List.copyOf(users.getOrDefault(upstream.scope(), List.of()));
    }

    private static Optional<ProxyPass> passOf(Location location) {
        Directive d = location.scope().find("proxy_pass");
        return d == null ? Optional.empty() : Optional.ofNullable(ProxyPass.of(d));
    }

    private Optional<Upstream> upstreamOf(Optional<ProxyPass> pass) {
        return pass.filter(p -> !p.hasVariables()).map(p -> {
            Upstream upstream = p.port() == null ? named.get(p.host()) : null;
            return upstream != null ? upstream : Upstream.implicit(p.target());
        });
    }
}

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
    /** Regex locations whose pattern Java cannot read, in file order (usually none). */
    private final List<Location> unreadable = new ArrayList<>(0);

    /**
     * Numbers the locations (whose routes the model has recorded on them, in two halves), lists each upstream block's
     * users, and gives the locations below one level one header set (each half made its own).
     */
    ProxyRoutes(List<Location> locations, Map<String, Upstream> named) {
        this.named = named;
        Map<Scope, HeaderSet> shared = new IdentityHashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            Location location = locations.get(i);
            location.index(i);
            if (location.isRegex() && location.regex() == null) {
                unreadable.add(location);
            }
            HeaderSet headers = location.headers();
            HeaderSet first = shared.putIfAbsent(headers.level(), headers);
            if (first != null && first != headers) {
                location.share(first);
            }
            Optional<Upstream> upstream = location.upstream();
            if (upstream != null && upstream.isPresent() && !upstream.get().isImplicit()) {
                users.computeIfAbsent(upstream.get().scope(), s -> new ArrayList<>()).add(location);
            }
        }
    }

    /** Regex locations whose pattern Java cannot read, in file order. */
    List<Location> unreadable() {
        return java.util.Collections.unmodifiableList(unreadable);
    }

    /** The location's own proxy_pass (nginx does not inherit it), or empty. */
    Optional<ProxyPass> pass(Location location) {
        Optional<ProxyPass> known = location.pass();
        return known != null ? known : passOf(location);
    }

    /** The upstream group a location proxies to: a named block, or the implicit group of a literal address. */
    Optional<Upstream> upstream(Location location) {
        Optional<Upstream> known = location.upstream();
        return known != null ? known : upstreamOf(passOf(location), named);
    }

    /** Locations whose proxy_pass names this upstream block, in file order. */
    List<Location> using(Upstream upstream) {
        return upstream == null || upstream.isImplicit() ? List.of()
                : List.copyOf(users.getOrDefault(upstream.scope(), List.of()));
    }

    static Optional<ProxyPass> passOf(Location location) {
        Directive d = location.scope().find("proxy_pass");
        return d == null ? Optional.empty() : Optional.ofNullable(ProxyPass.of(d));
    }

    /** The group a proxy_pass names: a block of {@code named}, or the implicit group of a literal address. */
    static Optional<Upstream> upstreamOf(Optional<ProxyPass> pass, Map<String, Upstream> named) {
        return pass.filter(p -> !p.hasVariables()).map(p -> {
            Upstream upstream = p.port() == null ? named.get(p.host()) : null;
            return upstream != null ? upstream : Upstream.implicit(p.target());
        });
    }
}

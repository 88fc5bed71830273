package medic.nginx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;

/**
 * What nginx makes of a config tree: servers, locations, upstreams, and the value each directive takes at
 * each place for a given nginx version. Pure: built from a parsed tree, no I/O.
 */
public final class NginxConfig {
    /** Assumed when the version is unknown: the older defaults, which hide more problems than they cause. */
    public static final NginxVersion ASSUMED_VERSION = new NginxVersion(1, 22, 1);

    private final ConfigTree tree;
    private final NginxVersion version;
    private final boolean versionKnown;
    private final Scope main;
    private final Scope http;
    private final List<Server> servers = new ArrayList<>();
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final List<Location> locations;
    private final ProxyRoutes routes;
    /** Servers by their first server_name, the name nginx writes in the error log. */
    private final Map<String, List<Server>> byPrimaryName = new HashMap<>();

    private NginxConfig(ConfigTree tree, NginxVersion version) {
        this.tree = tree;
        this.versionKnown = version != null;
        this.version = version == null ? ASSUMED_VERSION : version;
        this.main = ScopeBuilder.build(tree);
        this.http = main.children(ScopeKind.HTTP).stream().findFirst().orElse(null);
        if (http != null) {
            for (Scope upstream : http.children(ScopeKind.UPSTREAM)) {
                upstreams.put(upstream.block().arg(0), Upstream.of(upstream));
            }
            servers.addAll(servers(http.children(ScopeKind.SERVER), upstreams));
        }
        List<Location> all = new ArrayList<>();
        for (Server server : servers) {
            all.addAll(server.allLocations());
            byPrimaryName.computeIfAbsent(server.primaryName(), n -> new ArrayList<>(1)).add(server);
        }
        this.locations = Collections.unmodifiableList(all);
        // Records on each location its index, and on each upstream block its users: rules ask for them.
        this.routes = new ProxyRoutes(locations, upstreams);
    }

    /** Builds the model; {@code version} null means unknown (then {@link #ASSUMED_VERSION} applies). */
    public static NginxConfig of(ConfigTree tree, NginxVersion version) {
        return new NginxConfig(tree, version);
    }

    /**
     * The servers with their locations, and each location's route and header set (rules ask for them for every
     * location); independent of each other, so built on two cores when there are many.
     */
    private static List<Server> servers(List<Scope> scopes, Map<String, Upstream> upstreams) {
        Server[] built = new Server[scopes.size()];
        Halves.run(built.length, (from, to) -> {
            PcreTranslator.Cache regexes = new PcreTranslator.Cache();
            // Header sets depend on the level that sets the lines; each half shares its own between its locations.
            Map<Scope, HeaderSet> headerSets = new IdentityHashMap<>();
            for (int i = from; i < to; i++) {
                Server server = new Server(scopes.get(i));
                for (Scope locationScope : server.scope().children(ScopeKind.LOCATION)) {
                    server.addLocation(location(locationScope, server, null, regexes));
                }
                server.seal();
                for (Location location : server.allLocations()) {
                    Optional<ProxyPass> pass = ProxyRoutes.passOf(location);
                    location.route(pass, ProxyRoutes.upstreamOf(pass, upstreams), headersAt(location, headerSets));
                }
                built[i] = server;
            }
        });
        return java.util.Arrays.asList(built);
    }

    private static Location location(Scope scope, Server server, Location parent, PcreTranslator.Cache regexes) {
        Location location = new Location(scope, server, parent, regexes);
        for (Scope nested : scope.children(ScopeKind.LOCATION)) {
            location.addNested(location(nested, server, location, regexes));
        }
        return location;
    }

    public ConfigTree tree() {
        return tree;
    }

    public NginxVersion version() {
        return version;
    }

    public boolean versionKnown() {
        return versionKnown;
    }

    public Scope main() {
        return main;
    }

    /** The http context, or null for a config without one (stream-only, or a fragment). */
    public Scope http() {
        return http;
    }

    public List<Server> servers() {
        return Collections.unmodifiableList(servers);
    }

    public Map<String, Upstream> upstreams() {
        return Collections.unmodifiableMap(upstreams);
    }

    /** Every location of every server, nested ones included. */
    public List<Location> locations() {
        return locations;
    }

    /** Regex locations whose PCRE pattern Java cannot read (so no URI is matched against them), in file order. */
    public List<Location> unreadableRegexLocations() {
        return routes.unreadable();
    }

    /**
     * The value of a directive at a scope: the nearest level that sets it, else nginx's default. An upstream
     * block inherits nothing (its {@code keepalive_timeout} is not the http-level client one).
     */
    public Effective effective(Scope at, String name) {
        for (Scope s = at; s != null && s.kind() != ScopeKind.MAIN; s = at.kind() == ScopeKind.UPSTREAM ? null : s.parent()) {
            Directive d = s.find(name);
            if (d != null) {
                return new Effective(name, d.argsText(), d, Defaults.of(name, version));
            }
        }
        String fallback = Defaults.of(name, version);
        return new Effective(name, fallback, null, fallback);
    }

    public Effective effective(Location location, String name) {
        return effective(location.scope(), name);
    }

    /** The proxy_set_header lines in force at a location, and the outer ones nginx drops there. */
    public HeaderSet headers(Location location) {
        HeaderSet known = location.headers();
        return known != null ? known : headersAt(location);
    }

    private static HeaderSet headersAt(Location location) {
        return headersAt(location, new IdentityHashMap<>());
    }

    /** The header set at a location; it depends only on the level that sets the lines, so {@code byLevel} shares it. */
    static HeaderSet headersAt(Location location, Map<Scope, HeaderSet> byLevel) {
        Scope s = location.scope();
        while (s != null && s.kind() != ScopeKind.MAIN && !s.has("proxy_set_header")) {
            s = s.parent();
        }
        Scope level = s == null || s.kind() == ScopeKind.MAIN ? null : s;
        HeaderSet known = byLevel.get(level);
        if (known != null) {
            return known;
        }
        List<Directive> dropped = List.of();
        if (level != null) {
            // Only the next level out matters: it is what this level would inherit without its own lines.
            for (Scope out = level.parent(); out != null && out.kind() != ScopeKind.MAIN; out = out.parent()) {
                List<Directive> here = out.all("proxy_set_header");
                if (!here.isEmpty()) {
                    dropped = List.copyOf(here);
                    break;
                }
            }
        }
        List<Directive> headers = level == null ? List.of() : level.all("proxy_set_header");
        HeaderSet made = new HeaderSet(headers, level, dropped);
        byLevel.put(level, made);
        return made;
    }

    /** The location's own proxy_pass (nginx does not inherit it), or empty. */
    public Optional<ProxyPass> proxyPass(Location location) {
        return routes.pass(location);
    }

    /** The upstream group a location proxies to: a named block, or the implicit group of a literal address. */
    public Optional<Upstream> upstreamOf(Location location) {
        return routes.upstream(location);
    }

    /** Locations whose proxy_pass names this upstream block, in file order; none for an implicit group. */
    public List<Location> locationsUsing(Upstream upstream) {
        return routes.using(upstream);
    }

    /** A directive of the main or events context (worker_processes, worker_connections...). */
    public Effective global(String name) {
        Directive d = main.find(name);
        if (d == null) {
            Scope events = main.children(ScopeKind.EVENTS).stream().findFirst().orElse(null);
            d = events == null ? null : events.find(name);
        }
        String fallback = Defaults.of(name, version);
        return d == null ? new Effective(name, fallback, null, fallback)
                : new Effective(name, d.argsText(), d, fallback);
    }

    public Optional<Location> locationFor(Server server, String uri) {
        return LocationMatcher.match(server, uri);
    }

    /** Maps an error-log line's server name, host and URI to the location that served it. */
    public Optional<Location> locationForLogLine(String serverName, String host, String uri) {
        List<Server> named = byPrimaryName.getOrDefault(serverName == null ? "" : serverName, List.of());
        return ServerSelector.forLogLine(servers, named, host).flatMap(s -> locationFor(s, uri));
    }

    /** "conf.d/app.conf:12" for a directive, relative to the config's base directory. */
    public String where(Directive d) {
        return tree.relative(d.file()) + ":" + d.line();
    }
}

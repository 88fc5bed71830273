package medic.nginx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.nginx.config.Directive;

/** A {@code location} block: how it matches, its nested locations, and the scope holding its directives. */
public final class Location {
    /** How a location matches a URI. */
    public enum Kind { EXACT, PREFIX, PREFIX_NO_REGEX, REGEX, REGEX_CASELESS, NAMED }

    private final Scope scope;
    private final Server server;
    private final Location parent;
    private final Kind kind;
    private final String pattern;
    private final Pattern regex;
    private final List<Location> nested = new ArrayList<>();
    /** Facts the model works out once per location (set while the config is built, read-only after). */
    private int index = -1;
    private Optional<ProxyPass> pass;
    private Optional<Upstream> upstream;
    private HeaderSet headers;
    /** {@link #label()}, made on first use: findings name their location several times each (racing threads agree). */
    private String label;

    Location(Scope scope, Server server, Location parent, PcreTranslator.Cache regexes) {
        this.scope = scope;
        this.server = server;
        this.parent = parent;
        Directive block = scope.block();
        String first = block.argCount() == 0 ? "" : block.arg(0);
        String second = block.argCount() > 1 ? block.arg(1) : null;
        if (second != null) {
            this.kind = switch (first) {
                case "=" -> Kind.EXACT;
                case "^~" -> Kind.PREFIX_NO_REGEX;
                case "~" -> Kind.REGEX;
                case "~*" -> Kind.REGEX_CASELESS;
                default -> Kind.PREFIX;
            };
            this.pattern = second;
        } else if (first.startsWith("@")) {
            this.kind = Kind.NAMED;
            this.pattern = first;
        } else if (first.startsWith("=")) {
            this.kind = Kind.EXACT;
            this.pattern = first.substring(1);
        } else if (first.startsWith("^~")) {
            this.kind = Kind.PREFIX_NO_REGEX;
            this.pattern = first.substring(2);
        } else if (first.startsWith("~*")) {
            this.kind = Kind.REGEX_CASELESS;
            this.pattern = first.substring(2);
        } else if (first.startsWith("~")) {
            this.kind = Kind.REGEX;
            this.pattern = first.substring(1);
        } else {
            this.kind = Kind.PREFIX;
            this.pattern = first;
        }
        this.regex = isRegex() ? regexes.compile(pattern, kind == Kind.REGEX_CASELESS) : null;
    }

    void addNested(Location location) {
        nested.add(location);
    }

    void route(Optional<ProxyPass> proxyPass, Optional<Upstream> group, HeaderSet headerSet) {
        this.pass = proxyPass;
        this.upstream = group;
        this.headers = headerSet;
    }

    /** Replaces the header set with an equal one that other locations share. */
    void share(HeaderSet headerSet) {
        this.headers = headerSet;
    }

    void index(int position) {
        this.index = position;
    }

    /**
     * The position of this location in {@link NginxConfig#locations()}, so per-location facts can live in
     * arrays; -1 for a location not in a built config.
     */
    public int index() {
        return index;
    }

    Optional<ProxyPass> pass() {
        return pass;
    }

    Optional<Upstream> upstream() {
        return upstream;
    }

    HeaderSet headers() {
        return headers;
    }

    public Scope scope() {
        return scope;
    }

    public Directive block() {
        return scope.block();
    }

    public Server server() {
        return server;
    }

    /** The enclosing location for a nested one, else null. */
    public Location parent() {
        return parent;
    }

    public Kind kind() {
        return kind;
    }

    public String pattern() {
        return pattern;
    }

    public boolean isRegex() {
        return kind == Kind.REGEX || kind == Kind.REGEX_CASELESS;
    }

    /** The compiled pattern of a regex location; null when Java cannot read the PCRE pattern. */
    public Pattern regex() {
        return regex;
    }

    public List<Location> nested() {
        return Collections.unmodifiableList(nested);
    }

    /** {@link #nested()} without the read-only view, for the model's own walks. */
    List<Location> nestedList() {
        return nested;
    }

    /** How the location reads in nginx syntax, e.g. {@code location ^~ /ws/}. */
    public String label() {
        String made = label;
        if (made == null) {
            made = makeLabel();
            label = made;
        }
        return made;
    }

    private String makeLabel() {
        String modifier = switch (kind) {
            case EXACT -> "= ";
            case PREFIX_NO_REGEX -> "^~ ";
            case REGEX -> "~ ";
            case REGEX_CASELESS -> "~* ";
            default -> "";
        };
        return "location " + modifier + pattern;
    }

    @Override
    public String toString() {
        return label() + " (" + block().file() + ":" + block().line() + ")";
    }
}

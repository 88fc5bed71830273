package medic.nginx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.Directive;

/**
 * One nginx context as nginx sees it: the directives of its own level with every {@code include} already
 * expanded in place, its parent, and its child blocks. The same file included twice yields two scopes.
 */
public final class Scope {
    private final ScopeKind kind;
    private final Directive block;
    private final Scope parent;
    private final List<Directive> directives = new ArrayList<>();
    private final List<Scope> children = new ArrayList<>();
    /**
     * The directives by name, for levels with more than {@value #SCANNED} of them (the http level of a large
     * config holds thousands); a location's handful is scanned instead, which is faster than a map and needs none.
     */
    private Map<String, List<Directive>> byName;
    private static final int SCANNED = 12;

    Scope(ScopeKind kind, Directive block, Scope parent) {
        this.kind = kind;
        this.block = block;
        this.parent = parent;
    }

    void add(Directive directive) {
        directives.add(directive);
    }

    /** Called once the level is complete: indexes it by name when it is too large to scan. */
    void seal() {
        if (directives.size() > SCANNED) {
            Map<String, List<Directive>> index = new HashMap<>();
            for (Directive d : directives) {
                index.computeIfAbsent(d.name(), n -> new ArrayList<>(1)).add(d);
            }
            byName = index;
        }
    }

    void addChild(Scope child) {
        children.add(child);
    }

    public ScopeKind kind() {
        return kind;
    }

    /** The block directive that opens this scope; null for the main (top-level) scope. */
    public Directive block() {
        return block;
    }

    public Scope parent() {
        return parent;
    }

    /** Directives of this level in nginx's reading order, includes expanded, block directives included. */
    public List<Directive> directives() {
        return Collections.unmodifiableList(directives);
    }

    public List<Scope> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Scope> children(ScopeKind childKind) {
        return children.stream().filter(c -> c.kind == childKind).toList();
    }

    public List<Directive> all(String name) {
        if (byName != null) {
            List<Directive> named = byName.get(name);
            return named == null ? List.of() : Collections.unmodifiableList(named);
        }
        List<Directive> named = null;
        for (Directive d : directives) {
            if (d.name().equals(name)) {
                if (named == null) {
                    named = new ArrayList<>(2);
                }
                named.add(d);
            }
        }
        return named == null ? List.of() : Collections.unmodifiableList(named);
    }

    /** The directive nginx keeps when it appears more than once at one level (the last for most). */
    public Directive find(String name) {
        if (byName != null) {
            List<Directive> named = byName.get(name);
            return named == null ? null : named.get(named.size() - 1);
        }
        for (int i = directives.size() - 1; i >= 0; i--) {
            Directive d = directives.get(i);
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    public boolean has(String name) {
        return find(name) != null;
    }

    /** The nearest enclosing scope of a kind, this one included; null when there is none. */
    public Scope enclosing(ScopeKind wanted) {
        Scope s = this;
        while (s != null && s.kind != wanted) {
            s = s.parent;
        }
        return s;
    }

    @Override
    public String toString() {
        return block == null ? "main" : block.toString();
    }
}

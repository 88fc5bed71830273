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
    /** The directives by name: the http level of a large config holds thousands, and rules look names up often. */
    private final Map<String, List<Directive>> byName = new HashMap<>();

    Scope(ScopeKind kind, Directive block, Scope parent) {
        this.kind = kind;
        this.block = block;
        this.parent = parent;
    }

    void add(Directive directive) {
        directives.add(directive);
        byName.computeIfAbsent(directive.name(), n -> new ArrayList<>(1)).add(directive);
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
        List<Directive> named = byName.get(name);
        return named == null ? List.of() : Collections.unmodifiableList(named);
    }

    /** The directive nginx keeps when it appears more than once at one level (the last for most). */
    public Directive find(String name) {
        List<Directive> named = byName.get(name);
        return named == null ? null : named.get(named.size() - 1);
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

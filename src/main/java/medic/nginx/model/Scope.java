package medic.nginx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    Scope(ScopeKind kind, Directive block, Scope parent) {
        this.kind = kind;
        this.block = block;
        this.parent = parent;
    }

    void add(Directive directive) {
        directives.add(directive);
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
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }

    /** The directive nginx keeps when it appears more than once at one level (the last for most). */
    public Directive find(String name) {
        Directive found = null;
        for (Directive d : directives) {
            if (d.name().equals(name)) {
                found = d;
            }
        }
        return found;
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

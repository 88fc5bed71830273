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
    /** The directives of this level, the first {@link #size} of the array. */
    private Directive[] directives;
    private int size;
    /** The names of {@link #directives}, side by side: a scan reads one array instead of every directive. */
    private String[] names;
    /** Their hash codes, so a scan for an absent name reads only this array. */
    private int[] hashes;
    /** The child blocks; null while there are none (most locations). */
    private List<Scope> children;
    /**
     * The children grouped by kind, made on first use after the tree is built, for levels with more than
     * {@value #SCANNED} children (the http level of a large config has thousands, and rules ask it for its maps per
     * location). Immutable lists, so threads racing
     * to make them agree.
     */
    private List<List<Scope>> byKind;
    /**
     * The directives by name, for levels with more than {@value #SCANNED} of them (the http level of a large
     * config holds thousands); a location's handful is scanned instead, which is faster than a map and needs none.
     */
    private Map<String, List<Directive>> byName;
    private static final int SCANNED = 12;

    Scope(ScopeKind kind, Directive block, Scope parent) {
        this(kind, block, parent, 4);
    }

    /** {@code expected}: how many directives the level will likely hold (its block's nodes), so they fit at once. */
    Scope(ScopeKind kind, Directive block, Scope parent, int expected) {
        this.kind = kind;
        this.block = block;
        this.parent = parent;
        int capacity = Math.max(expected, 1);
        this.directives = new Directive[capacity];
        this.names = new String[capacity];
        this.hashes = new int[capacity];
    }

    void add(Directive directive) {
        if (size == names.length) {
            directives = java.util.Arrays.copyOf(directives, size * 2);
            names = java.util.Arrays.copyOf(names, size * 2);
            hashes = java.util.Arrays.copyOf(hashes, size * 2);
        }
        directives[size] = directive;
        names[size] = directive.name();
        hashes[size] = directive.name().hashCode();
        size++;
    }

    /** Called once the level is complete: indexes it by name when it is too large to scan. */
    void seal() {
        if (size > SCANNED) {
            Map<String, List<Directive>> index = new HashMap<>();
            for (int i = 0; i < size; i++) {
                index.computeIfAbsent(names[i], n -> new ArrayList<>(1)).add(directives[i]);
            }
            byName = index;
        }
    }

    void addChild(Scope child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
        byKind = null;
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
        return Collections.unmodifiableList(java.util.Arrays.asList(directives).subList(0, size));
    }

    public List<Scope> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    public List<Scope> children(ScopeKind childKind) {
        if (children == null) {
            return List.of();
        }
        if (children.size() <= SCANNED) {
            return scanChildren(childKind);
        }
        List<List<Scope>> grouped = byKind;
        if (grouped == null) {
            grouped = groupedByKind();
            byKind = grouped;
        }
        return grouped.get(childKind.ordinal());
    }

    /** A location or server has a few children: filtering them beats keeping them grouped. */
    private List<Scope> scanChildren(ScopeKind childKind) {
        List<Scope> found = null;
        for (int i = 0, n = children.size(); i < n; i++) {
            Scope child = children.get(i);
            if (child.kind == childKind) {
                if (found == null) {
                    found = new ArrayList<>(n - i);
                }
                found.add(child);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    private List<List<Scope>> groupedByKind() {
        ScopeKind[] kinds = ScopeKind.values();
        List<List<Scope>> open = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            open.add(null);
        }
        for (Scope child : children) {
            int k = child.kind.ordinal();
            if (open.get(k) == null) {
                open.set(k, new ArrayList<>());
            }
            open.get(k).add(child);
        }
        List<List<Scope>> grouped = new ArrayList<>(kinds.length);
        for (List<Scope> ofKind : open) {
            grouped.add(ofKind == null ? List.of() : List.copyOf(ofKind));
        }
        return List.copyOf(grouped);
    }

    public List<Directive> all(String name) {
        if (byName != null) {
            List<Directive> named = byName.get(name);
            return named == null ? List.of() : Collections.unmodifiableList(named);
        }
        List<Directive> named = null;
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && sameName(names[i], name)) {
                if (named == null) {
                    named = new ArrayList<>(2);
                }
                named.add(directives[i]);
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
        int hash = name.hashCode();
        for (int i = size - 1; i >= 0; i--) {
            if (hashes[i] == hash && sameName(names[i], name)) {
                return directives[i];
            }
        }
        return null;
    }

    /** Called when the hash codes agree: parsed names are interned, so this is mostly an identity test. */
    private static boolean sameName(String a, String b) {
        return a == b || a.equals(b);
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

package medic.nginx.harden;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;
import medic.nginx.model.Scope;

/**
 * A scope as written: the block in its own file (or the main file for the top level), its own child nodes,
 * and for every directive of the scope the child through which it arrives (itself, or the include line).
 */
final class Container {
    private final Scope scope;
    private final ConfigFile file;
    private final Layout layout;
    private final List<Node> children;
    /** For directives arriving through an include: the include line among the own children; null when none. */
    private Map<Directive, Directive> throughInclude;

    Container(ConfigTree tree, Scope scope, Layout layout) {
        this.scope = scope;
        Directive block = scope.block();
        this.file = block == null ? tree.main() : tree.file(block.file());
        this.layout = layout;
        this.children = block == null ? file.nodes() : block.children();
        for (Node child : children) {
            if (child instanceof Directive d && d.name().equals("include") && !d.isBlock()) {
                if (throughInclude == null) {
                    throughInclude = new IdentityHashMap<>();
                }
                mapIncluded(tree, d, d);
            }
        }
    }

    private void mapIncluded(ConfigTree tree, Directive include, Directive through) {
        for (String path : tree.included(include)) {
            for (Node node : tree.file(path).nodes()) {
                if (node instanceof Directive d) {
                    throughInclude.putIfAbsent(d, through);
                    if (d.name().equals("include") && !d.isBlock()) {
                        mapIncluded(tree, d, through);
                    }
                }
            }
        }
    }

    /** Levels with at most this many directives are scanned: a location's handful needs no index. */
    private static final int SCANNED = 16;

    /**
     * For larger levels, the last simple directive with each name and of each family, found in one pass when
     * first asked.
     */
    private Map<String, Directive> lastByName;
    private Map<String, Directive> lastByFamily;

    /** The last simple directive of this level named {@code name}, or null. */
    Directive lastSimple(String name) {
        List<Directive> directives = scope.directives();
        if (directives.size() > SCANNED) {
            index(directives);
            return lastByName.get(name);
        }
        for (int i = directives.size() - 1; i >= 0; i--) {
            Directive d = directives.get(i);
            if (!d.isBlock() && d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The last simple directive of this level whose name is in {@code family} ({@link Placement#family}), or null. */
    Directive lastOfFamily(String family) {
        if (family.isEmpty()) {
            return null;
        }
        List<Directive> directives = scope.directives();
        if (directives.size() > SCANNED) {
            index(directives);
            return lastByFamily.get(family);
        }
        for (int i = directives.size() - 1; i >= 0; i--) {
            Directive d = directives.get(i);
            if (!d.isBlock() && Placement.inFamily(d.name(), family)) {
                return d;
            }
        }
        return null;
    }

    private void index(List<Directive> directives) {
        if (lastByName != null) {
            return;
        }
        lastByName = new HashMap<>();
        lastByFamily = new HashMap<>();
        for (Directive d : directives) {
            if (!d.isBlock()) {
                lastByName.put(d.name(), d);
                lastByFamily.put(Placement.family(d.name()), d);
            }
        }
    }

    /** The multi-valued groups of this level, by directive name (a level has a few). */
    private ArrayGroup[] groups;

    ArrayGroup group(String name) {
        if (groups != null) {
            for (ArrayGroup group : groups) {
                if (group.name().equals(name)) {
                    return group;
                }
            }
        }
        return null;
    }

    void addGroup(ArrayGroup group) {
        groups = groups == null ? new ArrayGroup[] {group} : Arrays.copyOf(groups, groups.length + 1);
        groups[groups.length - 1] = group;
    }

    Scope scope() {
        return scope;
    }

    String path() {
        return file.path();
    }

    Layout layout() {
        return layout;
    }

    List<Node> children() {
        return children;
    }

    boolean isMain() {
        return scope.block() == null;
    }

    /** The own child through which {@code d}, a directive of this scope, belongs to it (the include line for included ones). */
    Directive representativeOf(Directive d) {
        // Most blocks include nothing; an identity lookup would compute every directive's identity hash.
        return throughInclude == null ? d : throughInclude.getOrDefault(d, d);
    }

    /** Indentation of this level's directives: as its children are written, else one unit inside the block. */
    String childIndent() {
        for (Node child : children) {
            String indent = child instanceof Directive ? layout.ownLineIndent(child.offset()) : null;
            if (indent != null) {
                return indent;
            }
        }
        return isMain() ? "" : layout.lineIndent(scope.block().offset()) + layout.unit();
    }

    /** Offset where the whitespace before the closing brace starts (end of the last child, or past "{"). */
    int bodyEnd() {
        Directive block = scope.block();
        return isMain() ? file.source().length() - file.trailing().length()
                : block.end() - 1 - block.closingPrefix().length();
    }

    /** True when the closing brace stands on a line of its own (the block is written over several lines). */
    boolean closesOnOwnLine() {
        return isMain() || scope.block().closingPrefix().indexOf('\n') >= 0;
    }
}

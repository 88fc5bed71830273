package medic.nginx.harden;

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
    /** For directives arriving through an include: the include line among the own children. */
    private final Map<Directive, Directive> throughInclude = new IdentityHashMap<>();

    Container(ConfigTree tree, Scope scope, Layout layout) {
        this.scope = scope;
        Directive block = scope.block();
        this.file = block == null ? tree.main() : tree.file(block.file());
        this.layout = layout;
        this.children = block == null ? file.nodes() : block.children();
        for (Node child : children) {
            if (child instanceof Directive d && d.name().equals("include") && !d.isBlock()) {
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

    /** The last simple directive of the level with each name, and of each family, found in one pass when first asked. */
    private Map<String, Directive> lastByName;
    private Map<String, Directive> lastByFamily;

    /** The last simple directive of this level named {@code name}, or null. */
    Directive lastSimple(String name) {
        index();
        return lastByName.get(name);
    }

    /** The last simple directive of this level whose name is in {@code family} ({@link Placement#family}), or null. */
    Directive lastOfFamily(String family) {
        index();
        return family.isEmpty() ? null : lastByFamily.get(family);
    }

    private void index() {
        if (lastByName != null) {
            return;
        }
        lastByName = new HashMap<>();
        lastByFamily = new HashMap<>();
        for (Directive d : scope.directives()) {
            if (!d.isBlock()) {
                lastByName.put(d.name(), d);
                lastByFamily.put(Placement.family(d.name()), d);
            }
        }
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
        return throughInclude.isEmpty() ? d : throughInclude.getOrDefault(d, d);
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

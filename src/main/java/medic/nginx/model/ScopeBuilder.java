package medic.nginx.model;

import java.util.List;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;

/** Turns the file tree into the context tree nginx works with, following includes. */
final class ScopeBuilder {
    private final ConfigTree tree;

    private ScopeBuilder(ConfigTree tree) {
        this.tree = tree;
    }

    static Scope build(ConfigTree tree) {
        Scope main = new Scope(ScopeKind.MAIN, null, null);
        new ScopeBuilder(tree).fill(main, tree.main().nodes());
        main.seal();
        return main;
    }

    private void fill(Scope scope, List<Node> nodes) {
        for (Node node : nodes) {
            if (!(node instanceof Directive directive)) {
                continue;
            }
            if (directive.name().equals("include") && !directive.isBlock()) {
                for (String path : tree.included(directive)) {
                    fill(scope, tree.file(path).nodes());
                }
                continue;
            }
            scope.add(directive);
            if (directive.isBlock()) {
                Scope child = new Scope(ScopeKind.of(directive.name()), directive, scope);
                scope.addChild(child);
                fill(child, directive.children());
                child.seal();
            }
        }
    }
}

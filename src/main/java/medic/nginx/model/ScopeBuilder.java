package medic.nginx.model;

import java.util.ArrayList;
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

    /**
     * Reads one level, then the blocks it opens. Each block fills only its own scopes, so a level opening
     * thousands of them (the http level of a large config, with its servers) fills them on two cores.
     */
    private void fill(Scope scope, List<Node> nodes) {
        List<Scope> blocks = new ArrayList<>();
        read(scope, nodes, blocks);
        Halves.run(blocks.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                Scope child = blocks.get(i);
                fill(child, child.block().children());
                child.seal();
            }
        });
    }

    private void read(Scope scope, List<Node> nodes, List<Scope> blocks) {
        for (int i = 0, n = nodes.size(); i < n; i++) {
            if (!(nodes.get(i) instanceof Directive directive)) {
                continue;
            }
            if (directive.name().equals("include") && !directive.isBlock()) {
                for (String path : tree.included(directive)) {
                    read(scope, tree.file(path).nodes(), blocks);
                }
                continue;
            }
            scope.add(directive);
            if (directive.isBlock()) {
                Scope child = new Scope(ScopeKind.of(directive.name()), directive, scope, directive.children().size());
                scope.addChild(child);
                blocks.add(child);
            }
        }
    }
}

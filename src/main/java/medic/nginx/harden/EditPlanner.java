package medic.nginx.harden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import medic.MedicException;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;
import medic.nginx.config.Token;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;

/**
 * Turns merged changes into text edits against the original files. A change already satisfied by the
 * config yields nothing, which is what makes hardening idempotent; a change that cannot apply is skipped
 * with a note saying why.
 */
final class EditPlanner {
    private final NginxConfig config;
    private final ConfigTree tree;
    private final Placement placement;
    private final Describer describer;
    private final Map<String, Layout> layouts;
    private final Map<Object, Container> containers = new HashMap<>();
    /** The multi-valued groups in the order they were first asked for (each container holds its own). */
    private final List<ArrayGroup> groups = new ArrayList<>();
    /** At most one per change, in change order. */
    private final List<Edit> edits = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Integer> skippedChanges = new ArrayList<>();

    EditPlanner(NginxConfig config, Describer describer) {
        this(config, describer, new HashMap<>());
    }

    /** A planner sharing {@code layouts} (by file path) with others working on the same config. */
    EditPlanner(NginxConfig config, Describer describer, Map<String, Layout> layouts) {
        this.config = config;
        this.tree = config.tree();
        this.placement = new Placement(tree);
        this.describer = describer;
        this.layouts = layouts;
    }

    void plan(Change change, int order) {
        if (change instanceof Change.SetDirective c) {
            setDirective(c, order);
        } else if (change instanceof Change.AddDirective c) {
            group(c.scope(), c.name(), order).add(c.args(), c.keyArgs(), c.replace(), order);
        } else if (change instanceof Change.SetServerParam c) {
            serverParam(c, order);
        } else if (change instanceof Change.EnsureUpgradeMap c) {
            upgradeMap(c, order);
        } else if (change instanceof Change.EnsureHttpDirective c) {
            httpDirective(c, order);
        } else if (change instanceof Change.SetMapEntry c) {
            mapEntry(c, order);
        } else if (change instanceof Change.MakePrefixNoRegex c) {
            prefixNoRegex(c, order);
        }
    }

    /** Every edit, the multi-valued groups included. */
    List<Edit> edits() {
        List<Edit> all = new ArrayList<>(edits.size() + groups.size());
        all.addAll(edits);
        Map<Directive, String> rawLines = new IdentityHashMap<>();
        for (ArrayGroup group : groups) {
            group.edits(placement, rawLines, all);
        }
        return all;
    }

    /** The edits of the changes other than multi-valued additions: at most one per change, in change order. */
    List<Edit> directEdits() {
        return edits;
    }

    /** The multi-valued groups in the order they were first asked for. */
    List<ArrayGroup> groups() {
        return groups;
    }

    Placement placement() {
        return placement;
    }

    /** The orders of the skipped changes, in the order of {@link #skipped()}. */
    List<Integer> skippedChanges() {
        return skippedChanges;
    }

    /** By order: the changes that edit something (the others are already satisfied, or skipped). */
    boolean[] effective(int orders) {
        boolean[] effective = new boolean[orders];
        for (Edit edit : edits) {
            effective[edit.order()] = true;
        }
        for (ArrayGroup group : groups) {
            group.markContributing(effective);
        }
        return effective;
    }

    /** Why changes were skipped, one line each. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** By order: the changes that were skipped. */
    boolean[] skippedOrders(int orders) {
        boolean[] skippedOrders = new boolean[orders];
        skippedChanges.forEach(order -> skippedOrders[order] = true);
        return skippedOrders;
    }

    private void setDirective(Change.SetDirective c, int order) {
        Container container = container(c.scope());
        Directive existing = c.scope().find(c.name());
        if (existing != null && existing.isBlock()) {
            skip(c, order, describer.where(c.scope()) + " has a " + c.name() + " block, not a simple directive");
        } else if (existing != null) {
            if (!existing.args().equals(c.args())) {
                edits.add(Edits.replaceArgs(existing, c.args(), 0, order));
            }
            return;
        }
        Snippet line = Snippet.of(List.of(NginxText.directive(c.name(), c.args())));
        edits.add(placement.beside(container, c.name(), line, order));
    }

    /** {@code param=value} replaced or appended; an empty value means a flag such as {@code resolve} or {@code backup}. */
    private void serverParam(Change.SetServerParam c, int order) {
        Directive server = c.server().directive();
        owned(server);
        boolean flag = c.value().isEmpty();
        String prefix = c.param() + "=";
        String wanted = flag ? c.param() : prefix + c.value();
        List<Token> tokens = server.tokens();
        for (int i = 2; i < tokens.size(); i++) {
            String word = tokens.get(i).value();
            if (word.equals(c.param()) || word.startsWith(prefix)) {
                if (!flag && !word.equals(wanted)) {
                    edits.add(Edits.replaceToken(server, tokens.get(i), NginxText.word(wanted), order));
                }
                return;
            }
        }
        edits.add(Edits.appendWord(server, NginxText.word(wanted), order));
    }

    private void upgradeMap(Change.EnsureUpgradeMap c, int order) {
        if (config.http() == null) {
            skip(c, order, "the config has no http context");
            return;
        }
        if (UpgradeMap.find(config) != null) {
            return;
        }
        for (Scope map : config.http().children(ScopeKind.MAP)) {
            if (map.block().argCount() >= 2 && map.block().arg(1).equals(c.variable())) {
                skip(c, order, describer.where(map) + " already defines " + c.variable() + " from another variable");
                return;
            }
        }
        Snippet map = new Snippet(List.of(
                new Snippet.Line(0, "map $http_upgrade " + c.variable() + " {"),
                new Snippet.Line(1, "default upgrade;"),
                new Snippet.Line(1, "''      " + NginxText.word(c.emptyValue()) + ";"),
                new Snippet.Line(0, "}")));
        edits.add(placement.atHead(container(config.http()), map, order));
    }

    private void httpDirective(Change.EnsureHttpDirective c, int order) {
        if (config.http() == null) {
            skip(c, order, "the config has no http context");
            return;
        }
        String zone = zoneName(c.args());
        for (Directive d : config.http().all(c.name())) {
            if (ChangeMerger.sameKey(d.args(), c.args(), c.keyArgs())
                    || (zone != null && zone.equals(zoneName(d.args())))) {
                return;
            }
        }
        Snippet line = Snippet.of(List.of(NginxText.directive(c.name(), c.args())));
        edits.add(placement.beside(container(config.http()), c.name(), line, order));
    }

    /** The name in a {@code zone=name:size} argument: two zones of one name make nginx refuse the config. */
    private static String zoneName(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("zone=")) {
                int colon = arg.indexOf(':');
                return colon < 0 ? arg.substring(5) : arg.substring(5, colon);
            }
        }
        return null;
    }

    private void mapEntry(Change.SetMapEntry c, int order) {
        Container container = container(c.map());
        Directive entry = null;
        for (Directive d : c.map().directives()) {
            if (!d.isBlock() && d.name().equals(c.key())) {
                entry = d;
            }
        }
        if (entry == null) {
            String key = c.key().isEmpty() ? "''" : NginxText.word(c.key());
            Snippet line = Snippet.of(List.of(key + " " + NginxText.word(c.value()) + ";"));
            edits.add(placement.atEnd(container, line, order));
        } else if (!entry.args().equals(List.of(c.value()))) {
            edits.add(Edits.replaceArgs(entry, List.of(c.value()), 0, order));
        }
    }

    private void prefixNoRegex(Change.MakePrefixNoRegex c, int order) {
        Directive block = c.location().block();
        owned(block);
        List<String> args = block.args();
        String first = args.isEmpty() ? "" : args.get(0);
        boolean modifier = args.size() > 1;
        if (first.startsWith("^~") || first.startsWith("=")) {
            return;
        }
        if (first.startsWith("~") || first.startsWith("@") || modifier || first.isEmpty()) {
            skip(c, order, describer.where(c.location()) + " is not a plain prefix location");
            return;
        }
        edits.add(Edits.insertBefore(block, block.tokens().get(1), "^~", order));
    }

    /** The group of {@code name} in the scope's block, made (first asked for by change {@code order}) when new. */
    private ArrayGroup group(Scope scope, String name, int order) {
        Container container = container(scope);
        ArrayGroup group = container.group(name);
        if (group == null) {
            group = new ArrayGroup(container, name, order);
            container.addGroup(group);
            groups.add(group);
        }
        return group;
    }

    private Container container(Scope scope) {
        if (scope.block() == null && scope != config.main()) {
            throw new MedicException("a change refers to the main context of another config: diagnose and harden"
                    + " the same NginxConfig");
        }
        Object block = ChangeMerger.block(scope);
        Container known = containers.get(block);
        if (known != null) {
            return known;
        }
        if (scope.block() != null) {
            owned(scope.block());
        }
        String path = scope.block() == null ? tree.mainPath() : scope.block().file();
        Layout layout = layouts.get(path);
        if (layout == null) {
            layout = new Layout(tree.file(path));
            layouts.put(path, layout);
        }
        Container made = new Container(tree, scope, layout);
        containers.put(block, made);
        return made;
    }

    /** Refuses directives that are not where this config's text says they are (a change from another config). */
    private void owned(Directive d) {
        ConfigFile file = tree.file(d.file());
        if (file == null || !file.source().startsWith(d.header(), d.offset())) {
            throw new MedicException("a change refers to " + d.file() + ":" + d.line() + " (" + d.header().strip()
                    + ") which is not in the config being hardened: diagnose and harden the same NginxConfig");
        }
    }

    private void skip(Change change, int order, String why) {
        skipped.add("not applied: " + describer.what(change) + ": " + why);
        skippedChanges.add(order);
    }
}

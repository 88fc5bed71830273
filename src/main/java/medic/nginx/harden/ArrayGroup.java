package medic.nginx.harden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.nginx.config.Directive;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;

/**
 * The lines of one multi-valued directive (proxy_set_header, limit_conn...) at one level, as the changes
 * leave them. nginx inherits these all-or-nothing: a level with none of its own takes the whole set of the
 * nearest outer level that has some, and one line of its own drops them all. So when a change adds a line
 * to a level that inherits, the inherited lines are copied first (same order, same words) and nothing that
 * was in force is lost.
 */
final class ArrayGroup {
    /** Directives nginx merges all-or-nothing across levels (ngx_conf_merge of arrays and header lists). */
    static final Set<String> ALL_OR_NOTHING = Set.of("proxy_set_header", "proxy_hide_header", "proxy_pass_header",
            "add_header", "add_trailer", "limit_conn", "limit_req", "grpc_set_header", "fastcgi_param",
            "uwsgi_param", "scgi_param");

    /** One line: an existing one of this level, an inherited one to copy, or a new one. */
    private static final class Entry {
        final Directive existing;
        final Directive copiedFrom;
        List<String> args;
        boolean changed;
        int order;
        int keyArgs;

        Entry(Directive existing, Directive copiedFrom, List<String> args) {
            this.existing = existing;
            this.copiedFrom = copiedFrom;
            this.args = args;
        }
    }

    private final Container container;
    private final String name;
    /** The change that first asked for this group: groups edit in that order. */
    private final int firstOrder;
    private final List<Entry> entries = new ArrayList<>();
    private int insertOrder = -1;
    /** The orders of the changes that edit something here (repeats allowed). */
    private int[] contributing = new int[4];
    private int contributions;

    ArrayGroup(Container container, String name, int firstOrder) {
        this.container = container;
        this.name = name;
        this.firstOrder = firstOrder;
        List<Directive> own = simple(container.scope(), name);
        if (own.isEmpty() && ALL_OR_NOTHING.contains(name)) {
            for (Directive d : inherited(container.scope(), name)) {
                entries.add(new Entry(null, d, d.args()));
            }
        } else {
            for (Directive d : own) {
                entries.add(new Entry(d, null, d.args()));
            }
        }
    }

    String name() {
        return name;
    }

    int firstOrder() {
        return firstOrder;
    }

    /** Adds a line, or replaces the value of the line with the same key when {@code replace}. */
    void add(List<String> args, int keyArgs, boolean replace, int order) {
        Entry found = null;
        for (Entry e : entries) {
            if (ChangeMerger.sameKey(e.args, args, keyArgs)) {
                found = e;
            }
        }
        if (found == null) {
            Entry added = new Entry(null, null, args);
            added.changed = true;
            entries.add(added);
            insertOrder = insertOrder < 0 ? order : insertOrder;
            contribute(order);
        } else if (replace && !tail(found.args, keyArgs).equals(tail(args, keyArgs))) {
            List<String> merged = new ArrayList<>(found.args.subList(0, Math.min(keyArgs, found.args.size())));
            merged.addAll(tail(args, keyArgs));
            found.args = merged;
            found.changed = true;
            found.order = order;
            found.keyArgs = keyArgs;
            contribute(order);
            if (found.existing == null) {
                insertOrder = insertOrder < 0 ? order : insertOrder;
            }
        }
    }

    private void contribute(int order) {
        if (contributions == contributing.length) {
            contributing = Arrays.copyOf(contributing, 2 * contributions);
        }
        contributing[contributions++] = order;
    }

    /**
     * Adds to {@code out} the replacements of this level's own lines, and one insertion holding the copies and new
     * lines; {@code rawLines} keeps each copied line's text (an outer level's lines are copied into many levels).
     */
    void edits(Placement placement, Map<Directive, String> rawLines, List<Edit> out) {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.existing != null && e.changed) {
                out.add(Edits.replaceArgs(e.existing, e.args, e.keyArgs, e.order));
            } else if (e.existing == null) {
                lines.add(e.copiedFrom != null && !e.changed
                        ? rawLines.computeIfAbsent(e.copiedFrom, NginxText::rawDirective)
                        : NginxText.directive(name, e.args));
            }
        }
        if (insertOrder >= 0) {
            out.add(placement.beside(container, name, Snippet.of(lines), insertOrder));
        }
    }

    /** Marks the orders of the changes that edit something here. */
    void markContributing(boolean[] effective) {
        for (int i = 0; i < contributions; i++) {
            effective[contributing[i]] = true;
        }
    }

    /** The values after the key: what an upsert replaces (the key stays as the operator wrote it). */
    private static List<String> tail(List<String> args, int keyArgs) {
        return args.subList(Math.min(keyArgs, args.size()), args.size());
    }

    private static List<Directive> simple(Scope scope, String name) {
        List<Directive> all = scope.all(name);
        if (all.isEmpty()) {
            return List.of();
        }
        List<Directive> simple = new ArrayList<>(all.size());
        for (Directive d : all) {
            if (!d.isBlock()) {
                simple.add(d);
            }
        }
        return simple;
    }

    /** The lines of the nearest outer level that has any: what this level inherits while it has none. */
    static List<Directive> inherited(Scope scope, String name) {
        for (Scope s = scope.parent(); s != null && s.kind() != ScopeKind.MAIN; s = s.parent()) {
            List<Directive> here = simple(s, name);
            if (!here.isEmpty()) {
                return here;
            }
        }
        return List.of();
    }
}

package medic.nginx.harden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    private final List<Entry> entries = new ArrayList<>();
    private int insertOrder = -1;
    private final Set<Integer> contributing = new TreeSet<>();

    ArrayGroup(Container container, String name) {
        this.container = container;
        this.name = name;
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
            contributing.add(order);
        } else if (replace && !tail(found.args, keyArgs).equals(tail(args, keyArgs))) {
            List<String> merged = new ArrayList<>(found.args.subList(0, Math.min(keyArgs, found.args.size())));
            merged.addAll(tail(args, keyArgs));
            found.args = merged;
            found.changed = true;
            found.order = order;
            found.keyArgs = keyArgs;
            contributing.add(order);
            if (found.existing == null) {
                insertOrder = insertOrder < 0 ? order : insertOrder;
            }
        }
    }

    /** Replacements of this level's own lines, and one insertion holding the copies and new lines. */
    List<Edit> edits(Placement placement) {
        List<Edit> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            if (e.existing != null && e.changed) {
                out.add(Edits.replaceArgs(e.existing, e.args, e.keyArgs, e.order));
            } else if (e.existing == null) {
                lines.add(e.copiedFrom != null && !e.changed ? NginxText.rawDirective(e.copiedFrom)
                        : NginxText.directive(name, e.args));
            }
        }
        if (insertOrder >= 0) {
            out.add(placement.beside(container, name, Snippet.of(lines), insertOrder));
        }
        return out;
    }

    /** The orders of the changes that edit something here. */
    Set<Integer> contributing() {
        return Collections.unmodifiableSet(contributing);
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

package medic.nginx.harden;

import java.util.List;
import java.util.Set;
import medic.nginx.config.Comment;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;
import medic.nginx.model.ScopeKind;

/**
 * Where a new directive goes in a block, and the text that puts it there in the file's own style.
 * <ul>
 * <li>beside its kin: after the last directive of the level with the same name, else with the same family
 *     (the part before the first underscore: {@code proxy_*}, {@code keepalive*}, {@code limit_*});</li>
 * <li>else in a location after {@code proxy_pass}, in an upstream after the last {@code server} line;</li>
 * <li>else in http (and the main level) at its head: after the last directive that precedes the first
 *     block defining servers ({@code server}, {@code upstream}, or an include that brings them; in the main
 *     level {@code events}, {@code http}, {@code stream}, {@code mail}), comments attached to it staying with it;</li>
 * <li>else at the end of the block, before the closing brace.</li>
 * </ul>
 * A line is written on its own line with the indentation of the directive it follows (or of the level),
 * in the file's line ending; in a block written on one line it is written inline.
 */
final class Placement {
    private static final Set<String> HTTP_SECTIONS = Set.of("server", "upstream");
    private static final Set<String> MAIN_SECTIONS = Set.of("events", "http", "stream", "mail");

    private final ConfigTree tree;

    Placement(ConfigTree tree) {
        this.tree = tree;
    }

    /** Inserts {@code snippet}, a directive named {@code name}, beside its kin in {@code c}. */
    Edit beside(Container c, String name, Snippet snippet, int order) {
        Directive anchor = kin(c, name);
        if (anchor == null && c.scope().kind() == ScopeKind.LOCATION) {
            anchor = lastSimple(c, "proxy_pass");
        } else if (anchor == null && c.scope().kind() == ScopeKind.UPSTREAM) {
            anchor = lastSimple(c, "server");
        }
        if (anchor != null) {
            return after(c, anchor, snippet, order);
        }
        ScopeKind kind = c.scope().kind();
        return kind == ScopeKind.HTTP || kind == ScopeKind.MAIN ? atHead(c, snippet, order) : atEnd(c, snippet, order);
    }

    /** Inserts at the head of http (or main): before the first block that defines servers. */
    Edit atHead(Container c, Snippet snippet, int order) {
        List<Node> children = c.children();
        int first = -1;
        for (int i = 0; i < children.size() && first < 0; i++) {
            if (children.get(i) instanceof Directive d && definesSections(d, c.isMain() ? MAIN_SECTIONS : HTTP_SECTIONS)) {
                first = i;
            }
        }
        if (first < 0) {
            return atEnd(c, snippet, order);
        }
        while (first > 0 && children.get(first - 1) instanceof Comment comment
                && isAttached(c, comment, children.get(first))) {
            first--;
        }
        return first > 0 ? after(c, children.get(first - 1), snippet, order) : before(c, children.get(first), snippet, order);
    }

    /** Inserts at the end of the block, before its closing brace (after the last node of the main file). */
    Edit atEnd(Container c, Snippet snippet, int order) {
        List<Node> children = c.children();
        Layout layout = c.layout();
        if (c.isMain() && !children.isEmpty()) {
            return after(c, children.get(children.size() - 1), snippet, order);
        }
        int at = c.bodyEnd();
        if (!c.closesOnOwnLine()) {
            return Edit.insert(c.path(), at, " " + snippet.inline(), order);
        }
        String nl = layout.newline();
        String gap = snippet.isBlock() && !children.isEmpty() ? nl : "";
        if (c.isMain() && at == 0) {
            return Edit.insert(c.path(), 0, snippet.render("", layout, "", nl), order);
        }
        return Edit.insert(c.path(), at, gap + snippet.render(c.childIndent(), layout, nl, ""), order);
    }

    private Edit after(Container c, Node node, Snippet snippet, int order) {
        Layout layout = c.layout();
        int end = node instanceof Directive d ? d.end() : node.offset() + ((Comment) node).text().length();
        int eol = layout.endOfLine(end);
        if (eol < 0) {
            return Edit.insert(c.path(), end, " " + snippet.inline(), order);
        }
        String indent = layout.ownLineIndent(node.offset());
        String nl = layout.newline();
        String gap = snippet.isBlock() || (node instanceof Directive d && d.isBlock()) ? nl : "";
        return Edit.insert(c.path(), eol, gap + snippet.render(indent != null ? indent : c.childIndent(),
                layout, nl, ""), order);
    }

    private Edit before(Container c, Node node, Snippet snippet, int order) {
        Layout layout = c.layout();
        String indent = layout.ownLineIndent(node.offset());
        if (indent == null) {
            return Edit.insert(c.path(), node.offset(), snippet.inline() + " ", order);
        }
        String nl = layout.newline();
        String text = snippet.render(indent, layout, "", nl) + (snippet.isBlock() ? nl : "");
        return Edit.insert(c.path(), layout.lineStart(node.offset()), text, order);
    }

    /** The last simple directive of the level named {@code name}, else of its family, as an own child. */
    private Directive kin(Container c, String name) {
        Directive same = c.lastSimple(name);
        if (same != null) {
            return c.representativeOf(same);
        }
        Directive relative = c.lastOfFamily(family(name));
        return relative == null ? null : c.representativeOf(relative);
    }

    private Directive lastSimple(Container c, String name) {
        Directive found = c.lastSimple(name);
        return found == null ? null : c.representativeOf(found);
    }

    static String family(String name) {
        int underscore = name.indexOf('_');
        return underscore < 0 ? name : name.substring(0, underscore);
    }

    /** {@code family(name).equals(family)} for a {@code family} without underscore, cutting no string. */
    static boolean inFamily(String name, String family) {
        int length = family.length();
        return name.startsWith(family) && (name.length() == length || name.charAt(length) == '_');
    }

    /** A block named in {@code sections}, or an include that brings one in. */
    private boolean definesSections(Directive d, Set<String> sections) {
        if (d.isBlock()) {
            return sections.contains(d.name());
        }
        if (!d.name().equals("include")) {
            return false;
        }
        for (String path : tree.included(d)) {
            for (Node node : tree.file(path).nodes()) {
                if (node instanceof Directive inner && definesSections(inner, sections)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A comment on its own line directly above {@code next}, with no blank line between: it belongs to it. */
    private static boolean isAttached(Container c, Comment comment, Node next) {
        String between = next.prefix();
        return c.layout().ownLineIndent(comment.offset()) != null
                && between.indexOf('\n') == between.lastIndexOf('\n') && between.indexOf('\n') >= 0;
    }
}

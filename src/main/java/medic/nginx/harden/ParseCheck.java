package medic.nginx.harden;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.nginx.config.Comment;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigParser;
import medic.nginx.config.ConfigSyntaxException;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;

/**
 * Proves that a hardened file still parses by re-reading only the text around its edits.
 *
 * <p>The parser's state between two nodes of a block is the same wherever it stands in the block's gap of
 * whitespace: the block's depth and the name of the block (the only context a node's reading depends on: data
 * blocks such as {@code map} skip the name check, and depth only decides whether a {@code }} closes or is an
 * error). It reaches such a position without looking at the character there, unless the position ends a
 * comment. So an edit is enclosed in a region from one such cut point to another in the innermost block whose
 * body holds it: its own position when it lies in a gap, else the start and the end of the node it touches.
 * Each region, with its edits applied, is parsed inside a block of the same name ({@code name { REGION }}); when
 * that block ends exactly at its own closing brace, the region read as whole nodes from the state between nodes
 * back to it, so the whole hardened file reads the original text around the regions exactly as the original
 * parse did, and parses. A region that does not pass proves nothing: the whole file is parsed then, as before,
 * and decides (with nginx-like line numbers in the message).
 */
final class ParseCheck {
    /** Wraps top-level regions: not a data block, so names are checked as at the top level. */
    private static final String TOP = "events";

    private ParseCheck() {
    }

    /** Throws as {@link Hardener#validate} does when the hardened text does not parse. */
    static void validate(ConfigFile file, String relative, String after, List<Edit> kept) {
        if (!regionsParse(file, after, kept)) {
            Hardener.validate(file.path(), relative, after);
        }
    }

    /** True when every edited region reads as whole nodes in its block (which proves the file parses). */
    static boolean regionsParse(ConfigFile file, String after, List<Edit> kept) {
        if (kept.isEmpty() || after.startsWith("\uFEFF")) {
            return false;
        }
        Finder finder = new Finder(file);
        // A region's verdict depends on its text and block name only: configs edited alike in many blocks repeat them.
        Map<String, Set<String>> seen = new HashMap<>();
        StringBuilder text = new StringBuilder();
        int[] bounds = new int[2 * kept.size()];
        int regions = 0;
        int shift = 0;
        int i = 0;
        while (i < kept.size()) {
            Region region = finder.region(kept.get(i));
            if (region == null) {
                return false;
            }
            int growth = 0;
            int b = region.end;
            int j = i;
            for (; j < kept.size(); j++) {
                Edit edit = kept.get(j);
                Region next = j == i ? region : finder.region(edit);
                if (next == null) {
                    return false;
                }
                if (next.start > b) {
                    break;
                }
                // Regions of one level may overlap; a region of another level must lie inside this one.
                if (next.level != region.level && next.end > b) {
                    return false;
                }
                b = Math.max(b, next.end);
                growth += edit.text().length() - (edit.end() - edit.start());
            }
            String name = region.level == null ? TOP : region.level.name();
            if (!plainName(name)) {
                return false;
            }
            String body = after.substring(region.start + shift, b + shift + growth);
            if (seen.computeIfAbsent(name, n -> new HashSet<>()).add(body)) {
                if (regions > 0) {
                    text.append('\n');
                }
                bounds[2 * regions] = text.length();
                text.append(name).append(" {").append(body).append('}');
                bounds[2 * regions + 1] = text.length();
                regions++;
            }
            shift += growth;
            i = j;
        }
        List<Node> nodes;
        try {
            nodes = ConfigParser.parse(file.path(), text.toString()).nodes();
        } catch (ConfigSyntaxException e) {
            return false;
        }
        if (nodes.size() != regions) {
            return false;
        }
        for (int k = 0; k < regions; k++) {
            if (!(nodes.get(k) instanceof Directive d) || d.offset() != bounds[2 * k] || d.end() != bounds[2 * k + 1]) {
                return false;
            }
        }
        return true;
    }

    /** A name the parser reads back as the same bare word, and not a Lua block (whose body is not parsed). */
    private static boolean plainName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
                return false;
            }
        }
        return !name.isEmpty() && !name.endsWith("_by_lua_block");
    }

    /** Original offsets {@code [start, end)} between nodes of {@code level}'s body (null: the top level). */
    private record Region(int start, int end, Directive level) {
    }

    /**
     * Finds edits' regions, keeping the blocks it last descended through and, per level, the node it last found
     * (edits come in text order without overlapping, so every search starts where the last one at its level ended).
     */
    private static final class Finder {
        private final ConfigFile file;
        private final Directive[] path = new Directive[64];
        private int depth;
        /** Per depth: the node list last searched, and the index of the last node found before a position there. */
        private final List<?>[] searched = new List<?>[65];
        private final int[] cursor = new int[65];

        Finder(ConfigFile file) {
            this.file = file;
        }

        Region region(Edit edit) {
            int s = edit.start();
            int e = edit.end();
            // The innermost block holding the edit lies inside every block that holds it: climb out to one.
            while (depth > 0 && !inBody(path[depth - 1], s, e)) {
                depth--;
            }
            while (true) {
                List<Node> nodes = depth == 0 ? file.nodes() : path[depth - 1].children();
                Node holder = holding(nodes, s, depth);
                if (holder instanceof Directive d && inBody(d, s, e) && depth < path.length) {
                    path[depth++] = d;
                    continue;
                }
                int start = holder == null ? s : holder.offset();
                Node last = e == s ? holder : holding(nodes, e, depth);
                int end = last == null ? e : last instanceof Directive d ? d.end() : afterComment((Comment) last);
                return start <= end ? new Region(start, end, depth == 0 ? null : path[depth - 1]) : null;
            }
        }

        /** Between the block's opening and closing braces (a Lua block has no nodes to descend into). */
        private static boolean inBody(Directive d, int s, int e) {
            return d.isBlock() && d.rawBody() == null && s >= d.headerEnd() && e <= d.end() - 1;
        }

        /**
         * The node that {@code at} lies inside (not at its start); a comment's end is inside it. Positions asked for
         * at one depth never decrease while the same nodes are searched there.
         */
        private Node holding(List<Node> nodes, int at, int level) {
            int found;
            if (searched[level] == nodes) {
                found = cursor[level];
            } else {
                searched[level] = nodes;
                found = -1;
            }
            while (found + 1 < nodes.size() && nodes.get(found + 1).offset() < at) {
                found++;
            }
            cursor[level] = found;
            if (found < 0) {
                return null;
            }
            Node node = nodes.get(found);
            boolean inside = node instanceof Directive d ? at < d.end()
                    : at <= node.offset() + ((Comment) node).text().length();
            return inside ? node : null;
        }

        /** Past the line ending a comment stops at: the parser is between nodes only once it has read it. */
        private int afterComment(Comment comment) {
            int end = comment.offset() + comment.text().length();
            return end < file.source().length() ? end + 1 : end;
        }
    }
}

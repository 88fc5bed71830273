package medic.nginx.harden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;

/** How one file is laid out: its line ending, its indentation unit, and where lines start and end. */
final class Layout {
    private static final String DEFAULT_UNIT = "    ";

    private final String text;
    private final String newline;
    private final ConfigFile file;
    private String unit;

    Layout(ConfigFile file) {
        this.text = file.source();
        this.newline = newlineOf(text);
        this.file = file;
    }

    /** {@code \r\n} when the file's first line ends that way, else {@code \n}. */
    static String newlineOf(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    String newline() {
        return newline;
    }

    /** One level of indentation as the file writes it (most common step from a block to its children). */
    String unit() {
        // Computed on demand: it walks every node of the file, and single-line insertions do not need it.
        if (unit == null) {
            unit = unitOf(file.nodes());
        }
        return unit;
    }

    String text() {
        return text;
    }

    /** The whitespace before {@code offset} on its line when nothing else precedes it there, else null. */
    String ownLineIndent(int offset) {
        int start = ownLineIndentStart(offset);
        return start < 0 ? null : text.substring(start, offset);
    }

    /** The leading whitespace of the line holding {@code offset}. */
    String lineIndent(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /**
     * Where a new line can be inserted after {@code offset}: the end of its line (before the line ending) when
     * only blanks or a comment follow on it; -1 when more source follows on the same line.
     */
    int endOfLine(int offset) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '#') {
            int nl = text.indexOf('\n', i);
            i = nl < 0 ? text.length() : nl;
        }
        if (i == text.length()) {
            return i;
        }
        if (text.charAt(i) == '\n') {
            return i > offset && text.charAt(i - 1) == '\r' ? i - 1 : i;
        }
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            return i;
        }
        return -1;
    }

    private String unitOf(List<Node> nodes) {
        Map<String, Integer> steps = new HashMap<>();
        collectSteps(nodes, steps);
        return steps.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> -e.getKey().length()))
                .map(Map.Entry::getKey).orElse(DEFAULT_UNIT);
    }

    private void collectSteps(List<Node> nodes, Map<String, Integer> steps) {
        for (Node node : nodes) {
            if (!(node instanceof Directive block) || block.children().isEmpty()) {
                continue;
            }
            int outer = ownLineIndentStart(block.offset());
            String step = null;
            for (Node child : block.children()) {
                int inner = ownLineIndentStart(child.offset());
                int outerLength = block.offset() - outer;
                int innerLength = child.offset() - inner;
                if (outer >= 0 && inner >= 0 && innerLength > outerLength
                        && text.regionMatches(inner, text, outer, outerLength)) {
                    int from = inner + outerLength;
                    // Siblings mostly share their step: reuse the string rather than cut one per child.
                    if (step == null || step.length() != child.offset() - from
                            || !text.startsWith(step, from)) {
                        step = text.substring(from, child.offset());
                    }
                    steps.merge(step, 1, Integer::sum);
                }
            }
            collectSteps(block.children(), steps);
        }
    }

    /** Where the whitespace before {@code offset} starts when only blanks precede it on its line, else -1. */
    private int ownLineIndentStart(int offset) {
        int start = lineStart(offset);
        for (int i = start; i < offset; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return -1;
            }
        }
        return start;
    }
}

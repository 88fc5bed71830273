package medic.nginx.harden;

import java.util.ArrayList;
import java.util.List;

/** Lines of config to insert, each with its depth below the insertion level; rendered per file layout. */
record Snippet(List<Line> lines) {
    /** One line: {@code depth} extra indentation units, then {@code text}. */
    record Line(int depth, String text) { }

    Snippet {
        lines = List.copyOf(lines);
    }

    static Snippet of(List<String> simpleLines) {
        // An array wrapped by List.of: the record's List.copyOf keeps that list as it is.
        Line[] lines = new Line[simpleLines.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new Line(0, simpleLines.get(i));
        }
        return new Snippet(List.of(lines));
    }

    /** A block snippet (more than one line with an opening brace) gets a blank line to set it apart. */
    boolean isBlock() {
        return lines.size() > 1 && lines.get(0).text().endsWith("{");
    }

    /** Each line on its own: {@code before} + indent + the layout's unit per depth + text + {@code after}. */
    String render(String indent, Layout layout, String before, String after) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(before).append(indent);
            if (line.depth() > 0) {
                out.append(layout.unit().repeat(line.depth()));
            }
            out.append(line.text()).append(after);
        }
        return out.toString();
    }

    /** All lines on one line, for blocks written on a single line. */
    String inline() {
        List<String> parts = new ArrayList<>();
        for (Line line : lines) {
            parts.add(line.text().strip());
        }
        return String.join(" ", parts);
    }

    Snippet plus(Snippet more) {
        List<Line> all = new ArrayList<>(lines);
        all.addAll(more.lines);
        return new Snippet(all);
    }
}

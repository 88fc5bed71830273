package medic.nginx.harden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff that {@code patch -p1} applies: headers {@code a/PATH} and {@code b/PATH}, three lines of
 * context. Lines are compared with their terminators, so a CRLF file diffs as CRLF lines and a file without a
 * final newline gets the {@code \ No newline at end of file} marker on the right side.
 */
final class UnifiedDiff {
    static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /** The diff of {@code before} to {@code after}, or "" when they are equal. */
    static String of(String relativePath, String before, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        return render(relativePath, original, DiffUtils.diff(original, revised));
    }

    /**
     * The diff of {@code before} to the text the edits made of it. Lines no edit touches are equal on both
     * sides, so only the lines around each group of edits are compared: Myers' cost grows with the lines
     * compared times the lines changed, which makes one whole-file comparison take seconds on a large config
     * with edits all over it. A window whose edits only insert whole lines, none equal to a line of the window,
     * needs no comparison at all ({@link Insertions}).
     */
    static String of(String relativePath, String before, TextEdits.Applied applied) {
        return of(relativePath, before, applied, true);
    }

    /** As above; {@code direct} false runs Myers on every window (tests compare the two). */
    static String of(String relativePath, String before, TextEdits.Applied applied, boolean direct) {
        String after = applied.text();
        int[] originalStarts = starts(before);
        List<Edit> edits = applied.kept();
        List<Delta> deltas = new ArrayList<>();
        int shift = 0;
        int lineShift = 0;
        int cursor = 0;
        int i = 0;
        while (i < edits.size()) {
            cursor = lineFrom(originalStarts, cursor, edits.get(i).start());
            int first = cursor;
            int last = first;
            int growth = 0;
            int j = i;
            // A window keeps CONTEXT untouched lines on each side, so Myers sees what a whole-file comparison sees
            // near the edits and aligns repeated lines (blank ones, braces) the same way; windows never touch.
            for (; j < edits.size(); j++) {
                Edit edit = edits.get(j);
                cursor = lineFrom(originalStarts, cursor, edit.start());
                if (cursor > last + 1 + 2 * CONTEXT) {
                    break;
                }
                last = Math.max(last, lineFrom(originalStarts, cursor, edit.end()));
                growth += edit.text().length() - (edit.end() - edit.start());
            }
            first = Math.max(0, first - CONTEXT);
            int end = Math.min(last + 1 + CONTEXT, originalStarts.length);
            int startOffset = first < originalStarts.length ? originalStarts[first] : before.length();
            int endOffset = end < originalStarts.length ? originalStarts[end] : before.length();
            int revisedStart = startOffset + shift;
            int revisedEnd = endOffset + shift + growth;
            if (!lineStart(after, revisedStart) || !lineStart(after, revisedEnd)) {
                // Cannot happen for edits TextEdits applied; the whole-file comparison is right regardless.
                return of(relativePath, before, after);
            }
            int revisedFirst = first + lineShift;
            int added = direct ? Insertions.deltas(before, originalStarts, first, end, edits.subList(i, j), shift,
                    after, revisedStart, revisedEnd, revisedFirst, deltas) : -1;
            if (added < 0) {
                added = myers(before, originalStarts, first, end, after, revisedStart, revisedEnd, revisedFirst,
                        deltas);
            }
            lineShift += added;
            shift += growth;
            i = j;
        }
        return new HunkWriter(before, originalStarts, after).write(relativePath, deltas);
    }

    /** Myers on the window's lines; adds the deltas and returns the lines the window gains (negative: loses). */
    private static int myers(String before, int[] originalStarts, int first, int end, String after, int revisedStart,
                             int revisedEnd, int revisedFirst, List<Delta> deltas) {
        int[] revisedStarts = starts(after, revisedStart, revisedEnd);
        List<String> revised = new ArrayList<>(revisedStarts.length);
        for (int k = 0; k < revisedStarts.length; k++) {
            revised.add(after.substring(revisedStarts[k], k + 1 < revisedStarts.length ? revisedStarts[k + 1]
                    : revisedEnd));
        }
        for (AbstractDelta<String> delta : DiffUtils.diff(lines(before, originalStarts, first, end), revised)
                .getDeltas()) {
            int target = delta.getTarget().getPosition();
            int size = delta.getTarget().size();
            int from = size == 0 ? 0 : revisedStarts[target];
            int to = size == 0 ? 0 : target + size < revisedStarts.length ? revisedStarts[target + size] : revisedEnd;
            deltas.add(new Delta(delta.getSource().getPosition() + first, delta.getSource().size(),
                    target + revisedFirst, size, from, to));
        }
        return revisedStarts.length - (end - first);
    }

    /** Where each line of {@code text[from, to)} starts ({@code from} being a line start). */
    private static int[] starts(String text, int from, int to) {
        int count = 0;
        for (int at = text.indexOf('\n', from); at >= 0 && at < to - 1; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        int[] starts = new int[from == to ? 0 : count + 1];
        if (from < to) {
            starts[0] = from;
        }
        int line = 1;
        for (int at = text.indexOf('\n', from); at >= 0 && at < to - 1; at = text.indexOf('\n', at + 1)) {
            starts[line++] = at + 1;
        }
        return starts;
    }

    /** The line holding {@code offset}, searching forward from line {@code from} (offsets come in order). */
    private static int lineFrom(int[] starts, int from, int offset) {
        int line = from;
        while (line + 1 < starts.length && starts[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    private static boolean lineStart(String text, int offset) {
        return offset == 0 || offset == text.length() || (offset < text.length() && text.charAt(offset - 1) == '\n');
    }

    private static String render(String relativePath, List<String> original, Patch<String> patch) {
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a/" + relativePath, "b/" + relativePath,
                original, patch, CONTEXT);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            // The first two lines are the file headers; hunk headers start with @@; the rest is content.
            boolean content = i >= 2 && !line.startsWith("@@");
            if (content && !line.endsWith("\n")) {
                text.append(line).append('\n').append(NO_NEWLINE).append('\n');
            } else if (content) {
                text.append(line);
            } else {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** Lines {@code [from, to)} of {@code text} given its line starts, terminators kept. */
    private static List<String> lines(String text, int[] starts, int from, int to) {
        List<String> lines = new ArrayList<>(to - from);
        for (int line = from; line < to; line++) {
            lines.add(text.substring(starts[line], line + 1 < starts.length ? starts[line + 1] : text.length()));
        }
        return lines;
    }

    /** Where each line starts: 0, and past every {@code \n} that is not the last character. */
    static int[] starts(String text) {
        int count = 0;
        for (int at = text.indexOf('\n'); at >= 0 && at + 1 < text.length(); at = text.indexOf('\n', at + 1)) {
            count++;
        }
        int[] starts = new int[text.isEmpty() ? 0 : count + 1];
        int line = 1;
        for (int at = text.indexOf('\n'); at >= 0 && at + 1 < text.length(); at = text.indexOf('\n', at + 1)) {
            starts[line++] = at + 1;
        }
        return starts;
    }

    /** The text cut after each {@code \n}, terminators kept; the last piece may have none. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}

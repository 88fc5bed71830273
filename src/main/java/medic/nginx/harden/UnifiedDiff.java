package medic.nginx.harden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
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
     * with edits all over it.
     */
    static String of(String relativePath, String before, TextEdits.Applied applied) {
        String after = applied.text();
        int[] originalStarts = starts(before);
        int[] revisedStarts = starts(after);
        List<Edit> edits = applied.kept();
        List<AbstractDelta<String>> deltas = new ArrayList<>();
        int shift = 0;
        int i = 0;
        while (i < edits.size()) {
            int first = lineOf(originalStarts, edits.get(i).start());
            int last = first;
            int growth = 0;
            int j = i;
            // A window keeps CONTEXT untouched lines on each side, so Myers sees what a whole-file comparison sees
            // near the edits and aligns repeated lines (blank ones, braces) the same way; windows never touch.
            for (; j < edits.size() && lineOf(originalStarts, edits.get(j).start()) <= last + 1 + 2 * CONTEXT; j++) {
                Edit edit = edits.get(j);
                last = Math.max(last, lineOf(originalStarts, edit.end()));
                growth += edit.text().length() - (edit.end() - edit.start());
            }
            first = Math.max(0, first - CONTEXT);
            int end = Math.min(last + 1 + CONTEXT, originalStarts.length);
            int startOffset = first < originalStarts.length ? originalStarts[first] : before.length();
            int endOffset = end < originalStarts.length ? originalStarts[end] : before.length();
            int revisedFirst = lineAt(revisedStarts, startOffset + shift, after.length());
            int revisedEnd = lineAt(revisedStarts, endOffset + shift + growth, after.length());
            if (revisedFirst < 0 || revisedEnd < 0) {
                // Cannot happen for edits TextEdits applied; the whole-file comparison is right regardless.
                return of(relativePath, before, after);
            }
            for (AbstractDelta<String> delta : DiffUtils.diff(lines(before, originalStarts, first, end),
                    lines(after, revisedStarts, revisedFirst, revisedEnd)).getDeltas()) {
                deltas.add(delta.withChunks(
                        new Chunk<>(delta.getSource().getPosition() + first, delta.getSource().getLines()),
                        new Chunk<>(delta.getTarget().getPosition() + revisedFirst, delta.getTarget().getLines())));
            }
            shift += growth;
            i = j;
        }
        return new HunkWriter(before, originalStarts).write(relativePath, deltas);
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

    /** The line holding {@code offset}; the end of the text counts as its last line. */
    private static int lineOf(int[] starts, int offset) {
        int at = java.util.Arrays.binarySearch(starts, offset);
        return Math.max(0, at >= 0 ? at : -at - 2);
    }

    /** The line starting exactly at {@code offset} (the line count for the end of the text), or -1. */
    private static int lineAt(int[] starts, int offset, int length) {
        if (offset == length) {
            return starts.length;
        }
        int at = java.util.Arrays.binarySearch(starts, offset);
        return at >= 0 ? at : -1;
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

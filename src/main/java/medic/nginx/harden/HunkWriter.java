package medic.nginx.harden;

import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/**
 * Writes deltas against one original text as unified diff hunks, exactly as {@code UnifiedDiffUtils} with
 * {@link UnifiedDiff#CONTEXT} lines of context renders them (hunk grouping, header numbers), with the
 * {@code \ No newline at end of file} marker after a last line without one. Context lines are copied from
 * the original text into one buffer rather than cut into strings: a config edited all over has tens of
 * thousands of them.
 */
final class HunkWriter {
    private static final int CONTEXT = UnifiedDiff.CONTEXT;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private final String original;
    private final int[] starts;
    private final StringBuilder out;

    HunkWriter(String original, int[] starts) {
        this.original = original;
        this.starts = starts;
        this.out = new StringBuilder(original.length() / 2);
    }

    /** The diff text, or "" without deltas; the deltas are in text order with absolute line positions. */
    String write(String relativePath, List<AbstractDelta<String>> deltas) {
        if (deltas.isEmpty()) {
            return "";
        }
        out.append("--- a/").append(relativePath).append('\n').append("+++ b/").append(relativePath).append('\n');
        int first = 0;
        for (int i = 1; i < deltas.size(); i++) {
            AbstractDelta<String> previous = deltas.get(i - 1);
            // UnifiedDiffUtils joins a delta to the hunk when it starts within 2 * CONTEXT lines of the previous one.
            if (position(previous) + previous.getSource().size() + CONTEXT < position(deltas.get(i)) - CONTEXT) {
                hunk(deltas.subList(first, i));
                first = i;
            }
        }
        hunk(deltas.subList(first, deltas.size()));
        return out.toString();
    }

    private void hunk(List<AbstractDelta<String>> deltas) {
        AbstractDelta<String> head = deltas.get(0);
        AbstractDelta<String> tail = deltas.get(deltas.size() - 1);
        int contextStart = Math.max(0, position(head) - CONTEXT);
        int tailEnd = position(tail) + tail.getSource().size();
        int contextEnd = Math.min(tailEnd + CONTEXT, starts.length);
        int removed = 0;
        int added = 0;
        for (AbstractDelta<String> delta : deltas) {
            removed += delta.getSource().size();
            added += delta.getTarget().size();
        }
        int originalTotal = contextEnd - contextStart;
        out.append("@@ -").append(Math.max(1, position(head) + 1 - CONTEXT)).append(',').append(originalTotal)
                .append(" +").append(Math.max(1, head.getTarget().getPosition() + 1 - CONTEXT)).append(',')
                .append(originalTotal - removed + added).append(" @@\n");
        int line = contextStart;
        for (AbstractDelta<String> delta : deltas) {
            for (; line < position(delta); line++) {
                context(line);
            }
            for (String removedLine : delta.getSource().getLines()) {
                content('-', removedLine);
            }
            for (String addedLine : delta.getTarget().getLines()) {
                content('+', addedLine);
            }
            line = position(delta) + delta.getSource().size();
        }
        for (; line < contextEnd; line++) {
            context(line);
        }
    }

    private void context(int line) {
        int end = line + 1 < starts.length ? starts[line + 1] : original.length();
        out.append(' ').append(original, starts[line], end);
        if (original.charAt(end - 1) != '\n') {
            out.append('\n').append(NO_NEWLINE).append('\n');
        }
    }

    private void content(char sign, String line) {
        out.append(sign).append(line);
        if (!line.endsWith("\n")) {
            out.append('\n').append(NO_NEWLINE).append('\n');
        }
    }

    private static int position(AbstractDelta<String> delta) {
        return delta.getSource().getPosition();
    }
}

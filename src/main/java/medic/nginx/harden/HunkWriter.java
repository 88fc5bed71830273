package medic.nginx.harden;

import java.util.List;

/**
 * Writes deltas as unified diff hunks, exactly as {@code UnifiedDiffUtils} with {@link UnifiedDiff#CONTEXT}
 * lines of context renders them (hunk grouping, header numbers), with the {@code \ No newline at end of file}
 * marker after a last line without one. Lines are copied from the two texts into one buffer rather than cut
 * into strings: a config edited all over has tens of thousands of them.
 */
final class HunkWriter {
    private static final int CONTEXT = UnifiedDiff.CONTEXT;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private final String original;
    private final int[] starts;
    private final String revised;
    private StringBuilder out;

    HunkWriter(String original, int[] starts, String revised) {
        this.original = original;
        this.starts = starts;
        this.revised = revised;
    }

    /** The diff text, or "" without deltas; the deltas are in text order with absolute line positions. */
    String write(String relativePath, List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return "";
        }
        int[] hunkStarts = new int[deltas.size() + 1];
        int hunks = 0;
        for (int i = 1; i < deltas.size(); i++) {
            Delta previous = deltas.get(i - 1);
            // UnifiedDiffUtils joins a delta to the hunk when it starts within 2 * CONTEXT lines of the previous one.
            if (previous.source() + previous.removed() + CONTEXT < deltas.get(i).source() - CONTEXT) {
                hunkStarts[++hunks] = i;
            }
        }
        hunkStarts[++hunks] = deltas.size();
        // Sized up front: a diff of a large config grows the buffer several times over otherwise.
        out = new StringBuilder(capacity(relativePath, deltas, hunkStarts, hunks));
        out.append("--- a/").append(relativePath).append('\n').append("+++ b/").append(relativePath).append('\n');
        for (int h = 0; h < hunks; h++) {
            hunk(deltas, hunkStarts[h], hunkStarts[h + 1]);
        }
        return out.toString();
    }

    /** An upper bound of the diff's length: headers, each hunk's original lines and added text, one sign per line. */
    private int capacity(String relativePath, List<Delta> deltas, int[] hunkStarts, int hunks) {
        long size = 2L * relativePath.length() + 16 + 2L * (NO_NEWLINE.length() + 2);
        for (int h = 0; h < hunks; h++) {
            Delta head = deltas.get(hunkStarts[h]);
            Delta tail = deltas.get(hunkStarts[h + 1] - 1);
            int contextStart = Math.max(0, head.source() - CONTEXT);
            int contextEnd = Math.min(tail.source() + tail.removed() + CONTEXT, starts.length);
            size += 64 + (contextEnd - contextStart);
            if (contextEnd > contextStart) {
                size += end(contextEnd - 1) - starts[contextStart];
            }
            for (int i = hunkStarts[h]; i < hunkStarts[h + 1]; i++) {
                Delta delta = deltas.get(i);
                size += delta.added() + delta.addedTo() - delta.addedFrom();
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private void hunk(List<Delta> deltas, int from, int to) {
        Delta head = deltas.get(from);
        Delta tail = deltas.get(to - 1);
        int contextStart = Math.max(0, head.source() - CONTEXT);
        int contextEnd = Math.min(tail.source() + tail.removed() + CONTEXT, starts.length);
        int removed = 0;
        int added = 0;
        for (int i = from; i < to; i++) {
            removed += deltas.get(i).removed();
            added += deltas.get(i).added();
        }
        int originalTotal = contextEnd - contextStart;
        out.append("@@ -").append(Math.max(1, head.source() + 1 - CONTEXT)).append(',').append(originalTotal)
                .append(" +").append(Math.max(1, head.target() + 1 - CONTEXT)).append(',')
                .append(originalTotal - removed + added).append(" @@\n");
        int line = contextStart;
        for (int i = from; i < to; i++) {
            Delta delta = deltas.get(i);
            for (; line < delta.source(); line++) {
                line(' ', original, starts[line], end(line));
            }
            for (int k = 0; k < delta.removed(); k++, line++) {
                line('-', original, starts[line], end(line));
            }
            for (int at = delta.addedFrom(); at < delta.addedTo(); ) {
                int nl = revised.indexOf('\n', at);
                int stop = nl < 0 || nl >= delta.addedTo() ? delta.addedTo() : nl + 1;
                line('+', revised, at, stop);
                at = stop;
            }
        }
        for (; line < contextEnd; line++) {
            line(' ', original, starts[line], end(line));
        }
    }

    private int end(int line) {
        return line + 1 < starts.length ? starts[line + 1] : original.length();
    }

    private void line(char sign, String text, int from, int to) {
        out.append(sign).append(text, from, to);
        if (text.charAt(to - 1) != '\n') {
            out.append('\n').append(NO_NEWLINE).append('\n');
        }
    }
}

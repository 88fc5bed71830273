package medic.nginx.harden;

import java.util.List;

/**
 * The deltas of a diff window whose edits only insert whole lines, written without comparing lines.
 *
 * <p>When the revised window is the original one with runs of lines inserted, and no inserted line equals a
 * line of the original window, the alignment is unique: a longest common subsequence keeps every original
 * line, and an original line can only match a revised line of equal text, which are exactly the original
 * lines in their order. Myers' algorithm finds a shortest edit script, so it reports exactly these runs, one
 * insertion delta each. Any other window (a replacement, an insertion inside a line, an inserted line equal to
 * one nearby such as a blank line or a brace) is left to Myers, which may align repeated lines otherwise.
 */
final class Insertions {
    private Insertions() {
    }

    /**
     * Adds the window's deltas and returns the lines it gains, or -1 (nothing added) when the window is not
     * made of unique whole-line insertions. {@code shift} is the growth of the text before the window's edits;
     * the window is lines {@code [first, end)} of the original and {@code [revisedStart, revisedEnd)} of {@code after}.
     */
    static int deltas(String before, int[] starts, int first, int end, List<Edit> edits, int shift, String after,
                      int revisedStart, int revisedEnd, int revisedFirst, List<Delta> deltas) {
        // Each run: the original line it goes in front of, and its text in after; runs at one line are joined.
        int[] runs = new int[3 * edits.size()];
        int count = 0;
        for (Edit edit : edits) {
            String text = edit.text();
            int at = edit.start();
            if (edit.end() != at) {
                return -1;
            }
            int from = at + shift;
            shift += text.length();
            if (text.isEmpty()) {
                continue;
            }
            int line;
            if ((at == 0 || before.charAt(at - 1) == '\n') && text.charAt(text.length() - 1) == '\n') {
                // Whole lines in front of the line starting here.
                line = at == before.length() ? starts.length : lineOf(starts, first, end, at);
            } else if (before.startsWith("\n", at) && text.charAt(0) == '\n') {
                // Before a line's \n, text starting with \n: the same text as its lines in front of the next line.
                line = lineOf(starts, first, end, at) + 1;
                from += 1;
            } else if (before.startsWith("\r\n", at) && text.startsWith("\r\n")) {
                line = lineOf(starts, first, end, at) + 1;
                from += 2;
            } else {
                return -1;
            }
            int to = from + text.length();
            if (count > 0 && runs[3 * count - 3] == line && runs[3 * count - 1] == from) {
                runs[3 * count - 1] = to;
            } else {
                runs[3 * count] = line;
                runs[3 * count + 1] = from;
                runs[3 * count + 2] = to;
                count++;
            }
        }
        if (!verified(before, starts, first, end, after, revisedStart, revisedEnd, runs, count)) {
            return -1;
        }
        int gained = 0;
        for (int r = 0; r < count; r++) {
            int line = runs[3 * r];
            int lines = newlines(after, runs[3 * r + 1], runs[3 * r + 2]);
            deltas.add(new Delta(line, 0, line + revisedFirst - first + gained, lines, runs[3 * r + 1],
                    runs[3 * r + 2]));
            gained += lines;
        }
        return gained;
    }

    /**
     * Proves the runs' reading of the window, whatever the edits were: the revised window is exactly the original
     * lines with each run, whole lines ending in \n, in front of its line; and no run line equals an original one.
     */
    private static boolean verified(String before, int[] starts, int first, int end, String after, int revisedStart,
                                    int revisedEnd, int[] runs, int count) {
        int at = revisedStart;
        int line = first;
        for (int r = 0; r < count; r++) {
            int runLine = runs[3 * r];
            int from = runs[3 * r + 1];
            int to = runs[3 * r + 2];
            if (runLine < line || runLine > end || after.charAt(to - 1) != '\n') {
                return false;
            }
            int segment = offset(before, starts, runLine) - offset(before, starts, line);
            if (at + segment != from || !before.regionMatches(offset(before, starts, line), after, at, segment)
                    || !unique(before, starts, first, end, after, from, to)) {
                return false;
            }
            at = to;
            line = runLine;
        }
        int segment = offset(before, starts, end) - offset(before, starts, line);
        return at + segment == revisedEnd && before.regionMatches(offset(before, starts, line), after, at, segment);
    }

    private static int offset(String before, int[] starts, int line) {
        return line < starts.length ? starts[line] : before.length();
    }

    /** True when no line of {@code after[from, to)} equals a line of the original window. */
    private static boolean unique(String before, int[] starts, int first, int end, String after, int from, int to) {
        for (int start = from; start < to; ) {
            int stop = after.indexOf('\n', start) + 1;
            int length = stop - start;
            for (int line = first; line < end; line++) {
                int lineEnd = line + 1 < starts.length ? starts[line + 1] : before.length();
                if (lineEnd - starts[line] == length && before.regionMatches(starts[line], after, start, length)) {
                    return false;
                }
            }
            start = stop;
        }
        return true;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        return count;
    }

    /** The line of the window {@code [first, end)} holding {@code offset}. */
    private static int lineOf(int[] starts, int first, int end, int offset) {
        int line = first;
        while (line + 1 < end && starts[line + 1] <= offset) {
            line++;
        }
        return line;
    }
}

package medic.nginx.harden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
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
        Patch<String> patch = DiffUtils.diff(original, revised);
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

package medic.nginx.redact;

/** Finds the end of a {@code *_by_lua_block} body, skipping braces inside Lua strings and comments. */
final class LuaBlocks {

    private LuaBlocks() {}

    /** Index of the {@code }} closing the body that starts at {@code from}, or the text length if unclosed. */
    static int endOfBody(String text, int from) {
        int n = text.length();
        int depth = 1;
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (--depth == 0) {
                    return i;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                i = endOfShortString(text, i, c);
            } else if (c == '[' && longBracketLevel(text, i) >= 0) {
                i = endOfLongBracket(text, i, longBracketLevel(text, i));
            } else if (c == '-' && text.startsWith("--", i)) {
                int level = i + 2 < n && text.charAt(i + 2) == '[' ? longBracketLevel(text, i + 2) : -1;
                if (level >= 0) {
                    i = endOfLongBracket(text, i + 2, level);
                } else {
                    int lineEnd = text.indexOf('\n', i);
                    i = lineEnd < 0 ? n : lineEnd;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int endOfShortString(String text, int open, char quote) {
        int n = text.length();
        int i = open + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    /** For {@code [[} or {@code [==[} at {@code i}, the number of {@code =}; otherwise -1. */
    private static int longBracketLevel(String text, int i) {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) == '=') {
            j++;
        }
        return j < text.length() && text.charAt(j) == '[' ? j - i - 1 : -1;
    }

    private static int endOfLongBracket(String text, int open, int level) {
        String close = "]" + "=".repeat(level) + "]";
        int end = text.indexOf(close, open + level + 2);
        return end < 0 ? text.length() : end + close.length();
    }
}

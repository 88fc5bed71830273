package medic.nginx.config;

/**
 * Finds the end of a {@code *_by_lua_block} body. The body is Lua, read by the Lua module's own lexer, so a brace
 * inside a Lua string, comment or long bracket ({@code [[...]]}, {@code [==[...]==]}) does not close the block.
 * It reads from where the parser stands and hands back the position and line counters it ends on.
 */
final class LuaBlockSkipper {
    private final String path;
    private final String text;
    private final int length;
    private int pos;
    private int line;
    private int lineStart;

    LuaBlockSkipper(String path, String text, int pos, int line, int lineStart) {
        this.path = path;
        this.text = text;
        this.length = text.length();
        this.pos = pos;
        this.line = line;
        this.lineStart = lineStart;
    }

    /** Offset just past the closing brace, once {@link #skipBody} has run. */
    int pos() {
        return pos;
    }

    int line() {
        return line;
    }

    int lineStart() {
        return lineStart;
    }

    /** Skips the body up to its matching brace; {@code openLine} names the block in the error for a missing one. */
    void skipBody(int openLine) {
        int depth = 1;
        while (pos < length) {
            char ch = text.charAt(pos);
            if (ch == '-' && text.startsWith("--", pos)) {
                pos += 2;
                int level = longBracketLevel();
                if (level >= 0) {
                    skipLongBracket(level);
                } else {
                    skipComment();
                }
            } else if (ch == '[' && longBracketLevel() >= 0) {
                skipLongBracket(longBracketLevel());
            } else if (ch == '"' || ch == '\'') {
                skipString(ch);
            } else {
                consume();
                if (ch == '{') {
                    depth++;
                } else if (ch == '}' && --depth == 0) {
                    return;
                }
            }
        }
        throw new ConfigSyntaxException(path, line, "unexpected end of file in Lua block opened on line " + openLine
                + ", expecting \"}\"");
    }

    /** A Lua short string ends at its quote or, unterminated, at the end of the line. */
    private void skipString(char quote) {
        consume();
        while (pos < length && text.charAt(pos) != quote && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '\\') {
                consume();
            }
            if (pos < length) {
                consume();
            }
        }
        if (pos < length) {
            consume();
        }
    }

    /** At {@code [} followed by zero or more {@code =} and {@code [}: the number of {@code =}; else -1. */
    private int longBracketLevel() {
        if (pos >= length || text.charAt(pos) != '[') {
            return -1;
        }
        int i = pos + 1;
        while (i < length && text.charAt(i) == '=') {
            i++;
        }
        return i < length && text.charAt(i) == '[' ? i - pos - 1 : -1;
    }

    private void skipLongBracket(int level) {
        String close = "]" + "=".repeat(level) + "]";
        pos += level + 2;
        while (pos < length && !text.startsWith(close, pos)) {
            consume();
        }
        pos = Math.min(length, pos + close.length());
    }

    private void skipComment() {
        while (pos < length && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void consume() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }
}

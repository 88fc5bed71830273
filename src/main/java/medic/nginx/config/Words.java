package medic.nginx.config;

/** The text of a config's words and the whitespace between them, cut from the file as nginx reads it. */
final class Words {
    /** Indentation as most files write it: a newline and up to this many spaces, shared instead of cut per node. */
    private static final String[] INDENTS = new String[65];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = "\n" + " ".repeat(i);
        }
    }

    private Words() {
    }

    /** The whitespace {@code text[from, to)}: a shared string for a newline and spaces, else a fresh cut. */
    static String whitespace(String text, int from, int to) {
        int spaces = to - from - 1;
        if (spaces >= 0 && spaces < INDENTS.length && text.charAt(from) == '\n') {
            int i = from + 1;
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            if (i == to) {
                return INDENTS[spaces];
            }
        }
        return text.substring(from, to);
    }

    /** nginx applies the same escapes to quoted and bare words; other backslashes stay as written. */
    static String unescape(String raw, int from, int to) {
        int backslash = from;
        while (backslash < to && raw.charAt(backslash) != '\\') {
            backslash++;
        }
        if (backslash == to) {
            return raw.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = raw.charAt(i);
            if (ch == '\\' && i + 1 < to) {
                char next = raw.charAt(i + 1);
                switch (next) {
                    case '"', '\'', '\\' -> { out.append(next); i++; continue; }
                    case 't' -> { out.append('\t'); i++; continue; }
                    case 'r' -> { out.append('\r'); i++; continue; }
                    case 'n' -> { out.append('\n'); i++; continue; }
                    default -> { }
                }
            }
            out.append(ch);
        }
        return out.toString();
    }
}

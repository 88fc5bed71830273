package medic.nginx.harden;

import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.config.Token;

/** Writes argument values back as nginx source text that its tokenizer reads as the same values. */
final class NginxText {
    private NginxText() {
    }

    /**
     * A value as a word: bare when nginx reads it back unchanged, else double-quoted. {@code ""} and
     * {@code ''} given as a value mean the empty string (rules write {@code Connection ""} that way).
     */
    static String word(String value) {
        String v = emptyLiteral(value) ? "" : value;
        if (needsQuotes(v)) {
            return '"' + escape(v, true) + '"';
        }
        return escape(v, false);
    }

    static String words(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word(value));
        }
        return out.toString();
    }

    /** {@code name arg1 arg2;} with each argument written by {@link #word}. */
    static String directive(String name, List<String> args) {
        return args.isEmpty() ? name + ";" : name + " " + words(args) + ";";
    }

    /** A directive's words exactly as the operator wrote them, joined by single spaces, with a semicolon. */
    static String rawDirective(Directive d) {
        StringBuilder out = new StringBuilder();
        for (Token token : d.tokens()) {
            out.append(out.isEmpty() ? "" : " ").append(token.raw());
        }
        return out.append(';').toString();
    }

    /** True for {@code ""} and {@code ''}: the written form of an empty value. */
    static boolean emptyLiteral(String value) {
        return value.length() == 2 && (value.equals("\"\"") || value.equals("''"));
    }

    /** A value as nginx would read it: the empty-string literals become "". */
    static String value(String value) {
        return emptyLiteral(value) ? "" : value;
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty() || v.charAt(0) == '#' || v.charAt(0) == '"' || v.charAt(0) == '\'') {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            boolean variableBrace = ch == '{' && i > 0 && v.charAt(i - 1) == '$';
            if (Character.isWhitespace(ch) || ch == ';' || ch == '}' || ch == '"' || ch == '\''
                    || (ch == '{' && !variableBrace)) {
                return true;
            }
        }
        return false;
    }

    /** Backslashes nginx would take as an escape (or that would swallow the next character) are doubled. */
    private static String escape(String v, boolean quoted) {
        if (v.indexOf('\\') < 0 && !(quoted && v.indexOf('"') >= 0)) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length() + 2);
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\') {
                char next = i + 1 < v.length() ? v.charAt(i + 1) : 0;
                if (next == 0 || "\"'\\tnr".indexOf(next) >= 0) {
                    out.append('\\');
                }
            } else if (quoted && ch == '"') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}

package medic.nginx.config;

import java.util.List;

/**
 * A directive as written: its words, where it stands, and its exact source text. A block directive also
 * holds its children and the whitespace before its closing brace; a {@code *_by_lua_block} keeps its body
 * as raw Lua text instead of children, because nginx's Lua module reads it with its own lexer.
 */
public final class Directive implements Node {
    private final String file;
    /** The whole text of the file, which the header and the tokens are cut from on first use. */
    private final String source;
    private final String prefix;
    private final String name;
    /**
     * Every word's value, the name first (quotes removed, escapes applied). Final, so every thread sees the
     * filled array; nobody changes it.
     */
    private final String[] values;
    private final int offset;
    private final int headerEnd;
    private final int line;
    private final int column;
    private final List<Node> children;
    private final String rawBody;
    private final String closingPrefix;
    private final int end;
    private final int endLine;
    /** The argument values, made on first use; an immutable list, so threads racing to make it agree. */
    private List<String> args;
    /** The words as tokens, made on first use (immutable, as {@link #args}). */
    private List<Token> tokens;
    /** The header text, cut on first use (a String is immutable, so threads racing to cut it agree). */
    private String header;
    /** The arguments joined by single spaces, made on first use (racing threads agree, as for the header). */
    private String argsText;

    /**
     * {@code values} holds every word's value, the name first; {@code children} is a list nobody changes afterwards;
     * the header is {@code source[offset, headerEnd)}.
     */
    Directive(String file, String source, String prefix, String[] values, int offset, int headerEnd,
              int line, int column, List<Node> children, String rawBody, String closingPrefix, int end, int endLine) {
        this.file = file;
        this.source = source;
        this.prefix = prefix;
        this.values = values;
        this.name = values[0];
        this.offset = offset;
        this.headerEnd = headerEnd;
        this.line = line;
        this.column = column;
        this.children = children == null ? null : java.util.Collections.unmodifiableList(children);
        this.rawBody = rawBody;
        this.closingPrefix = closingPrefix;
        this.end = end;
        this.endLine = endLine;
    }

    public String name() {
        return name;
    }

    /** The argument values as nginx sees them (quotes removed). */
    public List<String> args() {
        List<String> made = args;
        if (made == null) {
            made = List.of(java.util.Arrays.copyOfRange(values, 1, values.length));
            args = made;
        }
        return made;
    }

    /** The argument values joined by single spaces, e.g. {@code 1.1} or {@code Host $host}; "" for none. */
    public String argsText() {
        String made = argsText;
        if (made == null) {
            made = argCount() == 1 ? arg(0) : String.join(" ", args());
            argsText = made;
        }
        return made;
    }

    public String arg(int index) {
        return index + 1 < values.length ? values[index + 1] : null;
    }

    public int argCount() {
        return values.length - 1;
    }

    /** The words as written, with where each stands. */
    public List<Token> tokens() {
        List<Token> made = tokens;
        if (made == null) {
            made = ConfigParser.tokens(file, source, offset, line, offset - column + 1, values);
            tokens = made;
        }
        return made;
    }

    public boolean isBlock() {
        return children != null || rawBody != null;
    }

    /** Children of a block (empty for simple directives and raw Lua blocks). */
    public List<Node> children() {
        return children == null ? List.of() : children;
    }

    /** The raw Lua text between the braces of a {@code *_by_lua_block}, otherwise null. */
    public String rawBody() {
        return rawBody;
    }

    public String file() {
        return file;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    /** The source text from the name to the terminating {@code ;} or {@code {}, inclusive. */
    public String header() {
        String cut = header;
        if (cut == null) {
            cut = source.substring(offset, headerEnd);
            header = cut;
        }
        return cut;
    }

    @Override
    public int offset() {
        return offset;
    }

    /** Offset just past the terminating {@code ;} or {@code {}. */
    public int headerEnd() {
        return headerEnd;
    }

    /** Offset just past the closing brace of a block, or {@link #headerEnd()} for a simple directive. */
    public int end() {
        return end;
    }

    /** Whitespace before the closing brace of a block. */
    public String closingPrefix() {
        return closingPrefix;
    }

    @Override
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Line of the closing brace for a block, else the line of the terminating semicolon. */
    public int endLine() {
        return endLine;
    }

    @Override
    public void print(StringBuilder out) {
        out.append(prefix).append(source, offset, headerEnd);
        if (rawBody != null) {
            out.append(rawBody).append('}');
        } else if (children != null) {
            for (Node child : children) {
                child.print(out);
            }
            out.append(closingPrefix).append('}');
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + header();
    }
}

package medic.nginx.config;

import java.util.List;

/**
 * A directive as written: its words, where it stands, and its exact source text. A block directive also
 * holds its children and the whitespace before its closing brace; a {@code *_by_lua_block} keeps its body
 * as raw Lua text instead of children, because nginx's Lua module reads it with its own lexer.
 */
public final class Directive implements Node {
    private final String file;
    /** The whole text of the file, which the header is cut from on first use. */
    private final String source;
    private final String prefix;
    private final String name;
    private final List<Token> tokens;
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
    /** The header text, cut on first use (a String is immutable, so threads racing to cut it agree). */
    private String header;
    /** The arguments joined by single spaces, made on first use (racing threads agree, as for the header). */
    private String argsText;

    /** {@code tokens} must be immutable; the header is {@code source[offset, headerEnd)}. */
    Directive(String file, String source, String prefix, List<Token> tokens, int offset, int headerEnd, int line,
              int column, List<Node> children, String rawBody, String closingPrefix, int end, int endLine) {
        this.file = file;
        this.source = source;
        this.prefix = prefix;
        this.tokens = tokens;
        this.name = tokens.get(0).value();
        this.offset = offset;
        this.headerEnd = headerEnd;
        this.line = line;
        this.column = column;
        this.children = children == null ? null : List.copyOf(children);
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
            String[] values = new String[tokens.size() - 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = tokens.get(i + 1).value();
            }
            made = List.of(values);
            args = made;
        }
        return made;
    }

    /** The argument values joined by single spaces, e.g. {@code 1.1} or {@code Host $host}; "" for none. */
    public String argsText() {
        String made = argsText;
        if (made == null) {
            made = tokens.size() == 2 ? tokens.get(1).value() : String.join(" ", args());
            argsText = made;
        }
        return made;
    }

    public String arg(int index) {
        return index + 1 < tokens.size() ? tokens.get(index + 1).value() : null;
    }

    public int argCount() {
        return tokens.size() - 1;
    }

    public List<Token> tokens() {
        return tokens;
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

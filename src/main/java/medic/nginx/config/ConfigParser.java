package medic.nginx.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one config file the way nginx's {@code ngx_conf_read_token} does, into a tree that keeps every
 * character: whitespace, comments and the raw text of each word. Differences from nginx are deliberate
 * only in adding help to nginx's own message (an unterminated quote also names the line it opened on).
 */
public final class ConfigParser {
    /** Blocks whose entries are data, not directives: their "names" may hold any character. */
    private static final java.util.Set<String> DATA_BLOCKS = java.util.Set.of(
            "map", "types", "geo", "split_clients", "charset_map", "match");
    private final String path;
    private final String text;
    private final java.util.ArrayDeque<String> blocks = new java.util.ArrayDeque<>();
    /** Shares directive names within one parse; none when only re-reading a directive's tokens. */
    private TextInterner interner;
    /** Every {@code include} directive, in file order: the loader follows them without walking the tree. */
    private final List<Directive> includes = new ArrayList<>();
    /** The values of the words of the directive being read; copied out before its block body is read. */
    private String[] values = new String[8];
    private int wordCount;
    /** Where {@link #tokens} records each word's start and end; null while parsing a file. */
    private int[] bounds;
    private final int length;
    private int pos;
    private int line = 1;
    private int lineStart;

    private ConfigParser(String path, String text) {
        this.path = path;
        this.text = text;
        this.length = text.length();
    }

    /** Parses {@code text}, reporting errors against {@code path}. */
    public static ConfigFile parse(String path, String text) {
        return parseWithIncludes(path, text).file();
    }

    /** A parsed file and its non-block {@code include} directives in file order. */
    record Parsed(ConfigFile file, List<Directive> includes) {
    }

    static Parsed parseWithIncludes(String path, String text) {
        if (text.startsWith("\uFEFF")) {
            throw new ConfigSyntaxException(path, 1, "unknown directive \"\uFEFF"
                    + firstWord(text.substring(1)) + "\": the file starts with a UTF-8 byte order mark,"
                    + " which nginx reads as part of the first directive; save the file without BOM");
        }
        ConfigParser parser = new ConfigParser(path, text);
        parser.interner = new TextInterner();
        List<Node> nodes = new ArrayList<>();
        String trailing = parser.readBlockBody(nodes, 0, 0);
        return new Parsed(new ConfigFile(path, text, nodes, trailing), List.copyOf(parser.includes));
    }

    /** Reads nodes until the closing brace (depth > 0) or end of file; returns the whitespace before it. */
    private String readBlockBody(List<Node> nodes, int depth, int openLine) {
        while (true) {
            int wsStart = pos;
            skipWhitespace();
            String ws = Words.whitespace(text, wsStart, pos);
            if (pos >= length) {
                if (depth > 0) {
                    throw error(line, "unexpected end of file, expecting \"}\" (block opened on line " + openLine + ")");
                }
                return ws;
            }
            char ch = text.charAt(pos);
            if (ch == '#') {
                int start = pos;
                int column = pos - lineStart + 1;
                skipComment();
                nodes.add(new Comment(ws, text.substring(start, pos), start, line, column));
            } else if (ch == '}') {
                if (depth == 0) {
                    throw error(line, "unexpected \"}\"");
                }
                pos++;
                return ws;
            } else if (ch == ';' || ch == '{') {
                throw error(line, "unexpected \"" + ch + "\"");
            } else {
                nodes.add(readDirective(ws, depth));
            }
        }
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !isSpace(text.charAt(end)) && text.charAt(end) != ';') {
            end++;
        }
        return text.substring(0, end);
    }

    /**
     * Outside blocks whose entries are data (map, types...), nginx looks every name up in its directive table;
     * a name with characters no directive has is almost always an unquoted regex quantifier that split a line.
     */
    private void checkName(String value, int nameLine, String parentBlock) {
        if (parentBlock != null && DATA_BLOCKS.contains(parentBlock)) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean plain = ch >= 'a' && ch <= 'z' || ch == '_' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
            if (!plain && !Character.isLetterOrDigit(ch)) {
                String hint = value.indexOf('}') >= 0
                        ? ": a regex with {n,m} must be quoted, e.g. location ~ \"^/a{3,8}$\""
                        : "";
                throw error(nameLine, "unknown directive \"" + value + "\"" + hint);
            }
        }
    }

    private Directive readDirective(String prefix, int depth) {
        int start = pos;
        int startLine = line;
        int column = pos - lineStart + 1;
        wordCount = 0;
        String name = null;
        while (true) {
            skipWhitespace();
            if (pos >= length) {
                throw error(line, "unexpected end of file, expecting \";\" or \"}\"");
            }
            char ch = text.charAt(pos);
            if (ch == '#') {
                skipComment();
            } else if (ch == ';') {
                pos++;
                Directive simple = new Directive(path, text, prefix, valuesCopy(), start, pos, startLine,
                        column, null, null, null, pos, line);
                if (name.equals("include")) {
                    includes.add(simple);
                }
                return simple;
            } else if (ch == '{') {
                pos++;
                int headerEnd = pos;
                String[] headerValues = valuesCopy();
                if (name.endsWith("_by_lua_block")) {
                    int bodyStart = pos;
                    LuaBlockSkipper lua = new LuaBlockSkipper(path, text, pos, line, lineStart);
                    lua.skipBody(startLine);
                    pos = lua.pos();
                    line = lua.line();
                    lineStart = lua.lineStart();
                    String body = text.substring(bodyStart, pos - 1);
                    return new Directive(path, text, prefix, headerValues, start, headerEnd, startLine,
                            column, null, body, null, pos, line);
                }
                List<Node> children = new ArrayList<>();
                blocks.push(name);
                String closing = readBlockBody(children, depth + 1, startLine);
                blocks.pop();
                return new Directive(path, text, prefix, headerValues, start, headerEnd, startLine,
                        column, children, null, closing, pos, line);
            } else if (ch == '}') {
                throw error(line, "unexpected \"}\"");
            } else {
                boolean first = wordCount == 0;
                readWord(first);
                if (first) {
                    name = values[0];
                    checkName(name, startLine, blocks.peek());
                }
            }
        }
    }

    private String[] valuesCopy() {
        return java.util.Arrays.copyOf(values, wordCount);
    }

    private void addWord(int from, int to, String value) {
        if (wordCount == values.length) {
            values = java.util.Arrays.copyOf(values, wordCount * 2);
        }
        if (bounds != null) {
            if (2 * wordCount + 2 > bounds.length) {
                bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * wordCount] = from;
            bounds[2 * wordCount + 1] = to;
        }
        values[wordCount++] = value;
    }

    /**
     * The words of the directive at {@code offset} (on {@code line}, whose first character is at {@code lineStart})
     * as tokens, read again the way the parse read them: the tree keeps only their values, and few callers ask.
     */
    static List<Token> tokens(String path, String text, int offset, int line, int lineStart, String[] values) {
        ConfigParser parser = new ConfigParser(path, text);
        parser.pos = offset;
        parser.line = line;
        parser.lineStart = lineStart;
        parser.bounds = new int[2 * values.length];
        Token[] tokens = new Token[values.length];
        for (int i = 0; i < tokens.length; i++) {
            parser.skipWhitespace();
            while (parser.text.charAt(parser.pos) == '#') {
                parser.skipComment();
                parser.skipWhitespace();
            }
            int wordLine = parser.line;
            int column = parser.pos - parser.lineStart + 1;
            parser.readWord(false);
            int from = parser.bounds[2 * i];
            int to = parser.bounds[2 * i + 1];
            char first = text.charAt(from);
            tokens[i] = new Token(values[i], text.substring(from, to), first == '"' || first == '\'', from, wordLine,
                    column);
        }
        return List.of(tokens);
    }

    /**
     * Reads one word into {@link #values}; a directive's name ({@code name}) comes out interned
     * when written plainly.
     */
    private void readWord(boolean name) {
        int start = pos;
        int startLine = line;
        char first = text.charAt(pos);
        if (first == '"' || first == '\'') {
            pos++;
            while (true) {
                if (pos >= length) {
                    throw error(line, "unexpected end of file, expecting \";\" or \"}\" (unterminated "
                            + first + "quoted string opened on line " + startLine + ")");
                }
                char ch = text.charAt(pos);
                if (ch == '\\' && pos + 1 < length) {
                    consume();
                    consume();
                } else if (ch == first) {
                    pos++;
                    break;
                } else {
                    consume();
                }
            }
            if (pos < length) {
                char next = text.charAt(pos);
                if (!isSpace(next) && next != ';' && next != '{' && next != ')') {
                    throw error(line, "unexpected \"" + next + "\" after a quoted string");
                }
            }
            addWord(start, pos, Words.unescape(text, start + 1, pos - 1));
            return;
        }
        boolean variable = false;
        boolean escaped = false;
        // The name's hash, made while scanning, so the interner need not read the word again.
        int hash = 0;
        while (pos < length) {
            char ch = text.charAt(pos);
            if (ch == '{' && variable) {
                pos++;
                hash = 31 * hash + ch;
                variable = false;
                continue;
            }
            if (ch == '\\' && pos + 1 < length) {
                consume();
                consume();
                variable = false;
                escaped = true;
                continue;
            }
            if (isSpace(ch) || ch == ';' || ch == '{') {
                break;
            }
            variable = ch == '$';
            hash = 31 * hash + ch;
            pos++;
        }
        // Without a backslash the value is the text as written.
        String value = escaped ? Words.unescape(text, start, pos)
                : name ? interner.intern(text, start, pos, hash) : text.substring(start, pos);
        addWord(start, pos, value);
    }

    private void skipComment() {
        while (pos < length && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < length && isSpace(text.charAt(pos))) {
            consume();
        }
    }

    private void consume() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    private ConfigSyntaxException error(int atLine, String reason) {
        return new ConfigSyntaxException(path, atLine, reason);
    }
}

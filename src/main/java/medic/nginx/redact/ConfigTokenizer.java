package medic.nginx.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nginx configuration text into statements of words with their offsets, following ngx_conf_read_token.
 *
 * <p>Only what redaction needs: words keep their raw text (escapes are not resolved) and the offsets of
 * their content without quotes. {@code *_by_lua_block} bodies are skipped as Lua. In line mode (free
 * text that merely contains configuration, such as command output) a line break also ends a statement
 * and an unterminated quote, so a stray quote cannot swallow the rest of the text.
 */
final class ConfigTokenizer {

    /** One argument: {@code start}/{@code end} delimit its content in {@code source}, without the quotes. */
    record Word(String source, int start, int end, boolean quoted) {
        /** The raw content; copied on demand because most words never need it. */
        String text() {
            return source.substring(start, end);
        }

        boolean is(String literal) {
            return end - start == literal.length() && source.startsWith(literal, start);
        }
    }

    enum End { SEMICOLON, BLOCK_OPEN, BLOCK_CLOSE, LINE_END, FILE_MARKER }

    /** A directive with its arguments, or a bare {@code BLOCK_CLOSE} / {@code FILE_MARKER} event with no words. */
    record Statement(List<Word> words, End end) {
        boolean named(String name) {
            return !words.isEmpty() && words.get(0).is(name);
        }
    }

    /** The marker {@code nginx -T} prints before each file; it resets the block nesting. */
    private static final String FILE_MARKER = "# configuration file ";

    private final String text;
    private final boolean lineMode;
    private final List<Statement> statements = new ArrayList<>();
    private List<Word> words = new ArrayList<>();

    private ConfigTokenizer(String text, boolean lineMode) {
        this.text = text;
        this.lineMode = lineMode;
    }

    static List<Statement> statements(String text, boolean lineMode) {
        ConfigTokenizer tokenizer = new ConfigTokenizer(text, lineMode);
        tokenizer.run();
        return tokenizer.statements;
    }

    private void run() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (lineMode) {
                    emit(End.LINE_END);
                }
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                if (text.startsWith(FILE_MARKER, i) && (i == 0 || text.charAt(i - 1) == '\n')) {
                    emit(End.LINE_END);
                    statements.add(new Statement(List.of(), End.FILE_MARKER));
                }
                int lineEnd = text.indexOf('\n', i);
                i = lineEnd < 0 ? n : lineEnd;
            } else if (c == ';') {
                emit(End.SEMICOLON);
                i++;
            } else if (c == '{') {
                boolean lua = !lineMode && !words.isEmpty() && words.get(0).text().endsWith("_by_lua_block");
                emit(End.BLOCK_OPEN);
                if (lua) {
                    i = LuaBlocks.endOfBody(text, i + 1);
                    statements.add(new Statement(List.of(), End.BLOCK_CLOSE));
                }
                i++;
            } else if (c == '}') {
                emit(End.LINE_END);
                statements.add(new Statement(List.of(), End.BLOCK_CLOSE));
                i++;
            } else if (c == '"' || c == '\'') {
                i = quotedWord(i, c);
            } else {
                i = plainWord(i);
            }
        }
        emit(End.LINE_END);
    }

    private int quotedWord(int open, char quote) {
        int n = text.length();
        int j = open + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c == quote || lineMode && c == '\n') {
                break;
            }
            j += c == '\\' && j + 1 < n && !(lineMode && text.charAt(j + 1) == '\n') ? 2 : 1;
        }
        int end = Math.min(j, n);
        words.add(new Word(text, open + 1, end, true));
        return end < n && text.charAt(end) == quote ? end + 1 : end;
    }

    private int plainWord(int start) {
        int n = text.length();
        int j = start;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < n && text.charAt(j + 1) != '\n') {
                j += 2;
                continue;
            }
            if (c == '$' && j + 1 < n && text.charAt(j + 1) == '{') {
                j += 2;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{') {
                break;
            }
            j++;
        }
        words.add(new Word(text, start, j, false));
        return j;
    }

    private void emit(End end) {
        if (words.isEmpty() && end != End.BLOCK_OPEN) {
            return;
        }
        statements.add(new Statement(words, end));
        words = new ArrayList<>();
    }
}

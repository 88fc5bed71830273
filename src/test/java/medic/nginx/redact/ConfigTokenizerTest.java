package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import medic.nginx.redact.ConfigTokenizer.End;
import medic.nginx.redact.ConfigTokenizer.Statement;
import medic.nginx.redact.ConfigTokenizer.Word;

/** The tokenizer follows ngx_conf_read_token closely enough to locate argument values. */
class ConfigTokenizerTest {

    @Test
    void quoted_words_report_their_content_without_quotes_and_keep_escapes() {
        String text = "add_header X-A \"say \\\"hi\\\"\" always;";

        Statement statement = ConfigTokenizer.statements(text, false).get(0);

        assertEquals(List.of("add_header", "X-A", "say \\\"hi\\\"", "always"), texts(statement));
        Word value = statement.words().get(2);
        assertEquals('"', text.charAt(value.start() - 1));
        assertEquals('"', text.charAt(value.end()));
    }

    @Test
    void a_dollar_brace_does_not_open_a_block_and_a_hash_inside_a_word_is_no_comment() {
        List<Statement> statements = ConfigTokenizer.statements("set $a ${b}c#d; # note\nlisten 80;", false);

        assertEquals(List.of("set", "$a", "${b}c#d"), texts(statements.get(0)));
        assertEquals(List.of("listen", "80"), texts(statements.get(1)));
    }

    @Test
    void reports_blocks_opening_and_closing() {
        List<Statement> statements = ConfigTokenizer.statements("server { listen 80; }", false);

        assertEquals(List.of(End.BLOCK_OPEN, End.SEMICOLON, End.BLOCK_CLOSE),
                statements.stream().map(Statement::end).toList());
    }

    @Test
    void skips_lua_block_bodies_including_braces_in_strings_and_comments() {
        String text = "content_by_lua_block {\n  ngx.say(\"}\") -- }\n  local t = [[ } ]]\n}\nlisten 81;";

        List<Statement> statements = ConfigTokenizer.statements(text, false);

        assertEquals(3, statements.size());
        assertEquals(End.BLOCK_CLOSE, statements.get(1).end());
        assertEquals(List.of("listen", "81"), texts(statements.get(2)));
    }

    @Test
    void line_mode_ends_statements_and_open_quotes_at_the_line_break() {
        List<Statement> statements = ConfigTokenizer.statements("say \"unclosed\nset $x 1", true);

        assertEquals(List.of("say", "unclosed"), texts(statements.get(0)));
        assertEquals(List.of("set", "$x", "1"), texts(statements.get(1)));
    }

    private static List<String> texts(Statement statement) {
        return statement.words().stream().map(Word::text).toList();
    }
}

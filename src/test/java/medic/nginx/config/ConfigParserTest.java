package medic.nginx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static Directive first(String text) {
        return (Directive) ConfigParser.parse("t.conf", text).nodes().stream()
                .filter(n -> n instanceof Directive).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n\n",
        "events {}\n",
        "a b;",
        "# only a comment",
        "http {\n    # comment\n    server { listen 80; } # trailing\n}\n",
        "a\tb\r\nc d;\r\n",
        "location ~ \"^/a{2,3}$\" { return 200; }",
        "set $x ${host}a;",
        "log_format main '$remote_addr \"$request\"' \"x\\\"y\";",
        "return 200 a#b;",
        "if ($a = \"b\") { return 403; }",
        "content_by_lua_block { local t = {1, 2} -- } brace in comment\n ngx.say(\"}\") --[[ } ]] }\n",
        "map $http_upgrade $c {\n  default upgrade;\n  ''      \"\";\n}",
        "proxy_pass # between words\n  http://a;",
        "server{listen 80;}",
    })
    void printing_an_unmodified_tree_gives_back_the_input(String text) {
        assertEquals(text, ConfigParser.parse("t.conf", text).print());
    }

    @Test
    void words_carry_nginx_values_and_raw_text() {
        Directive d = first("log_format main '$a \\'q\\'' \"t\\tx\" plain\\;semi;");
        // nginx keeps a backslash before any other character: the word does not end there, the value keeps it.
        assertEquals(List.of("main", "$a 'q'", "t\tx", "plain\\;semi"), d.args());
        assertEquals("'$a \\'q\\''", d.tokens().get(2).raw());
    }

    @Test
    void tokens_keep_their_place_across_comments_and_line_breaks() {
        List<Node> nodes = ConfigParser.parse("t.conf", "http {\n  add_header X-A # why\n    \"two\n lines\" a\\ b;\n}\n")
                .nodes();
        Directive header = (Directive) ((Directive) nodes.get(0)).children().get(0);
        List<Token> tokens = header.tokens();
        assertEquals(List.of(
                new Token("add_header", "add_header", false, 9, 2, 3),
                new Token("X-A", "X-A", false, 20, 2, 14),
                new Token("two\n lines", "\"two\n lines\"", true, 34, 3, 5),
                new Token("a\\ b", "a\\ b", false, 47, 4, 9)), tokens);
        assertEquals(List.of("X-A", "two\n lines", "a\\ b"), header.args());
    }

    @Test
    void a_hash_inside_a_word_is_not_a_comment() {
        assertEquals(List.of("a#b", "c"), first("x a#b c;").args());
    }

    @Test
    void a_dollar_brace_does_not_open_a_block() {
        Directive d = first("set $x ${host}suffix;");
        assertEquals(List.of("$x", "${host}suffix"), d.args());
        assertTrue(!d.isBlock());
    }

    @Test
    void if_condition_splits_on_the_closing_parenthesis_after_a_quote() {
        assertEquals(List.of("($a", "=", "b", ")"), first("if ($a = \"b\") { }").args());
    }

    @Test
    void lua_block_body_is_kept_raw() {
        Directive d = first("content_by_lua_block {\n if x then ngx.say('{') end\n}\nlisten 80;");
        assertTrue(d.rawBody().contains("ngx.say('{')"));
        assertEquals(List.of(), d.children());
    }

    @Test
    void records_line_and_column_of_nested_directives() {
        ConfigFile file = ConfigParser.parse("t.conf", "http {\n  server {\n    listen 8080;\n  }\n}\n");
        Directive http = (Directive) file.nodes().get(0);
        Directive server = (Directive) http.children().get(0);
        Directive listen = (Directive) server.children().get(0);
        assertEquals(3, listen.line());
        assertEquals(5, listen.column());
        assertEquals(4, server.endLine());
        assertEquals("listen 8080;", listen.header());
    }

    @Test
    void comments_between_directives_are_nodes() {
        ConfigFile file = ConfigParser.parse("t.conf", "# top\na 1; # side\n");
        assertInstanceOf(Comment.class, file.nodes().get(0));
        assertInstanceOf(Comment.class, file.nodes().get(2));
        assertNull(((Directive) file.nodes().get(1)).rawBody());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http {\\n  server {\\n    listen 80;\\n  }\\n| 5 | unexpected end of file, expecting \"}\"",
        "events {}\\n}\\n| 2 | unexpected \"}\"",
        "listen 80\\n| 2 | unexpected end of file, expecting \";\" or \"}\"",
        "a;\\n;\\n| 2 | unexpected \";\"",
        "return 200 \"abc;\\n\\n| 3 | unexpected end of file, expecting \";\" or \"}\" (unterminated \"quoted string opened on line 1)",
        "a \"b\"c;| 1 | unexpected \"c\" after a quoted string",
        "a {\\n b }\\n| 2 | unexpected \"}\"",
    })
    void malformed_input_names_the_line_and_the_reason(String text, int line, String reason) {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> ConfigParser.parse("bad.conf", text.replace("\\n", "\n")));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith("bad.conf:" + line + ": " + reason), e.getMessage());
    }
}

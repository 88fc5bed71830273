package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateFileTest {
    private static final Map<String, TemplateSpec> SPECS = Map.of(
            "t.greet", TemplateSpec.mrkdwn("t.greet", "!host", "user"),
            "t.title", TemplateSpec.plain("t.title", "host"));

    private static Map<String, Template> parse(String content) {
        return TemplateFile.parse("templates/t.txt", content, SPECS);
    }

    private static String error(String content) {
        return assertThrows(TemplateException.class, () -> parse(content)).getMessage();
    }

    @Test
    void reads_templates_with_comments_literal_braces_and_the_code_filter() {
        Map<String, Template> templates = parse("""
                # a comment
                [t.greet]

                Hello {user}, {{literal}} on {host:code}
                # a comment inside is skipped
                \\# not a comment

                [t.title]
                Title {host}
                """);
        assertEquals("Hello &lt;!here&gt;, {literal} on `a&amp;b`\n# not a comment",
                templates.get("t.greet").render(Map.of("user", "<!here>", "host", "a&b")));
        assertEquals("Title <x> & y", templates.get("t.title").render(Map.of("host", "<x> & y")));
    }

    @Test
    void template_text_itself_is_escaped_so_it_cannot_form_links() {
        Map<String, Template> templates = parse("[t.greet]\nsee <http://x|y> & {host}\n");
        assertEquals("see &lt;http://x|y&gt; &amp; h", templates.get("t.greet").render(Map.of("host", "h")));
    }

    @Test
    void an_unknown_placeholder_is_an_error_naming_file_and_line() {
        assertEquals("templates/t.txt:3: unknown placeholder {hots} in [t.greet]; it may use [{host}, {user}]",
                error("[t.greet]\n{host}\nhi {hots}\n"));
    }

    @Test
    void a_missing_required_placeholder_is_an_error_at_the_template_line() {
        assertEquals("templates/t.txt:2: template [t.greet] must use [{host}]; it may use [{host}, {user}]",
                error("# header\n[t.greet]\nhello {user}\n"));
    }

    @Test
    void unknown_duplicate_and_empty_templates_are_errors() {
        assertTrue(error("[t.nope]\nx\n").startsWith("templates/t.txt:1: unknown template [t.nope]; this file defines"));
        assertEquals("templates/t.txt:3: template [t.title] is defined twice", error("[t.title]\na\n[t.title]\nb\n"));
        assertEquals("templates/t.txt:1: template [t.title] is empty", error("[t.title]\n\n# only a comment\n"));
        assertEquals("templates/t.txt:2: text before the first [template-name] line; start the file with a [name] line",
                error("\nstray\n[t.title]\nx\n"));
    }

    @Test
    void broken_braces_and_filters_are_errors() {
        assertTrue(error("[t.greet]\n{host} {user\n").startsWith("templates/t.txt:2: unclosed '{'"));
        assertTrue(error("[t.greet]\n{host} }\n").startsWith("templates/t.txt:2: stray '}'"));
        assertTrue(error("[t.greet]\n{host:bold}\n").startsWith("templates/t.txt:2: unknown filter :bold"));
        assertTrue(error("[t.greet]\n{Host Name}\n").startsWith("templates/t.txt:2: {Host Name} in [t.greet] is not"));
        assertTrue(error("[t.title]\n{host:code}\n").startsWith("templates/t.txt:2: [t.title] is plain text"));
    }

    @Test
    void rendering_without_a_value_or_with_an_unknown_one_is_a_programming_error() {
        Template greet = parse("[t.greet]\n{host} {user}\n").get("t.greet");
        assertThrows(IllegalArgumentException.class, () -> greet.render(Map.of("host", "h")));
        assertThrows(IllegalArgumentException.class, () -> greet.render(Map.of("host", "h", "user", "u", "x", "1")));
    }

    @Test
    void mrkdwn_values_are_inserted_as_they_are_but_never_into_plain_text() {
        Map<String, Template> templates = parse("[t.greet]\n{host} {user}\n[t.title]\n{host}\n");
        assertEquals("*b* <@U024BE7LH>", templates.get("t.greet").render(Map.of("host", Mrkdwn.trusted("*b*"),
                "user", SlackText.user("U024BE7LH"))));
        assertThrows(IllegalArgumentException.class,
                () -> templates.get("t.title").render(Map.of("host", Mrkdwn.trusted("*b*"))));
    }
}

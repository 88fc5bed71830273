package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void escapes_the_three_characters_slack_reserves() {
        assertEquals("a &amp; b &lt;!channel&gt; &lt;http://evil|click&gt;",
                Mrkdwn.escaped("a & b <!channel> <http://evil|click>").text());
    }

    @Test
    void breaks_bare_broadcasts_and_backtick_runs_invisibly() {
        String escaped = Mrkdwn.escape("@here and @channel, not user@heresy; ``` fence");
        assertFalse(escaped.contains("@here "));
        assertFalse(escaped.contains("@channel"));
        assertTrue(escaped.contains("user@heresy"), escaped);
        assertFalse(escaped.contains("``"), escaped);
        assertEquals("@here and @channel, not user@heresy; ``` fence", escaped.replace(Mrkdwn.JOINER, ""));
    }

    @Test
    void replaces_control_characters_but_keeps_lines_and_unicode() {
        assertEquals("a\nb\uFFFDc \uD83D\uDE80", Mrkdwn.escape("a\r\nb\u0007c \uD83D\uDE80"));
    }

    @Test
    void inline_code_cannot_be_closed_early() {
        assertEquals("`a\u02CBb &lt;x&gt;`", Mrkdwn.code("a`b <x>").text());
        assertEquals("` `", Mrkdwn.code("").text());
    }

    @Test
    void mentions_only_for_slack_user_ids() {
        assertEquals("<@U024BE7LH>", SlackText.user("U024BE7LH").text());
        assertEquals("&lt;!channel&gt;", SlackText.user("<!channel>").text());
        assertEquals("medic", SlackText.user(null).text());
    }

    @Test
    void truncation_keeps_entities_and_surrogate_pairs_whole_and_says_so() {
        String cut = Truncation.fit("x".repeat(20) + "&amp;" + "y".repeat(100), 40);
        assertTrue(cut.length() <= 40, cut);
        assertTrue(cut.endsWith(Truncation.MARKER), cut);
        assertFalse(cut.contains("&am "), cut);
        assertEquals("ab", Truncation.head("ab\uD83D\uDE80", 3));
        assertEquals("ab&lt;", Truncation.head("ab&lt;cd", 6));
        assertEquals("ab", Truncation.head("ab&lt;cd", 5));
    }

    @Test
    void truncation_closes_a_code_block_it_cut_open() {
        String cut = Truncation.fit("intro\n```\n" + "line\n".repeat(100) + "```", 80);
        assertTrue(cut.length() <= 80, cut);
        assertEquals(2, cut.split("```", -1).length - 1, cut);
    }

    @Test
    void a_code_block_drops_whole_lines_and_counts_them() {
        String content = "one\ntwo\nthree\nfour\nfive";
        Mrkdwn block = CodeBlock.of(content, 1000, 2, n -> "(" + n + " more)");
        assertEquals("```\none\ntwo\n(3 more)\n```", block.text());
        Mrkdwn small = CodeBlock.of("a".repeat(100) + "\n" + "b".repeat(100) + "\n" + "c".repeat(100), 150, 10,
                n -> "(" + n + " more)");
        assertTrue(small.text().length() <= 150, small.text());
        assertTrue(small.text().contains("(2 more)"), small.text());
    }

    @Test
    void a_code_block_clips_long_lines_and_escapes_fences_inside() {
        Mrkdwn block = CodeBlock.of("```\n" + "z".repeat(1000), 2000, 10, n -> "");
        assertEquals(2, block.text().split("```", -1).length - 1, block.text());
        assertTrue(block.text().contains("z".repeat(CodeBlock.MAX_LINE) + "\u2026"));
        assertFalse(block.text().contains("z".repeat(CodeBlock.MAX_LINE + 1)));
    }
}

package medic.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void wraps_text_in_single_quotes() {
        assertEquals("'nginx -T'", ShellQuote.single("nginx -T"));
    }

    @Test
    void closes_and_reopens_the_quotes_around_an_embedded_quote() {
        assertEquals("'it'\\''s'", ShellQuote.single("it's"));
    }

    @Test
    void leaves_dollars_backticks_and_newlines_inside_the_quotes() {
        assertEquals("'$(id)\n`id`'", ShellQuote.single("$(id)\n`id`"));
    }

    @Test
    void refuses_a_nul_byte_which_no_shell_argument_can_hold() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.single("a\0b"));
    }
}

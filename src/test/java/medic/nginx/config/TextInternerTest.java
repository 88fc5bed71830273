package medic.nginx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextInternerTest {
    @Test
    void names_the_code_compares_against_come_out_as_the_literals() {
        TextInterner interner = new TextInterner();
        assertSame("include", interner.intern("  include x;", 2, 9));
        assertSame("proxy_set_header", interner.intern("proxy_set_header", 0, 16));
    }

    @Test
    void one_text_comes_out_as_one_string_whatever_the_hash_path() {
        TextInterner interner = new TextInterner();
        String first = interner.intern("a my_directive b", 2, 14);
        String again = interner.intern("my_directive;", 0, 12, "my_directive".hashCode());
        assertEquals("my_directive", first);
        assertSame(first, again);
    }

    @Test
    void keeps_apart_texts_that_share_a_hash_slot_and_grows_past_its_first_table() {
        TextInterner interner = new TextInterner();
        // "Aa" and "BB" have the same String hash code.
        assertEquals("Aa", interner.intern("Aa", 0, 2));
        assertEquals("BB", interner.intern("BB", 0, 2));
        for (int i = 0; i < 1000; i++) {
            String name = "name_" + i;
            assertSame(interner.intern(name, 0, name.length()), interner.intern(" " + name, 1, name.length() + 1));
        }
        assertSame("include", interner.intern("include", 0, 7));
    }

    @Test
    void does_not_share_long_ranges() {
        TextInterner interner = new TextInterner();
        String text = "y" + "x".repeat(100);
        assertNotSame(interner.intern(text, 1, 101), interner.intern(text, 1, 101));
    }

    @Test
    void a_parsed_name_is_the_literal_and_an_escaped_one_is_unescaped() {
        ConfigFile file = ConfigParser.parse("t.conf", "map $a $b {\n  default 0;\n  k\\ey 1;\n  k\\\"q 2;\n}\n");
        List<Node> entries = ((Directive) file.nodes().get(0)).children();
        assertSame("default", ((Directive) entries.get(0)).name());
        assertEquals("k\\ey", ((Directive) entries.get(1)).name());
        assertEquals("k\"q", ((Directive) entries.get(2)).name());
        assertEquals("k\\\"q", ((Directive) entries.get(2)).tokens().get(0).raw());
    }
}

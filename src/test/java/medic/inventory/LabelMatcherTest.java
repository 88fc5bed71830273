package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alertmanager's matcher syntax and semantics, as inventory and runbook files use them. */
class LabelMatcherTest {
    private static final Map<String, String> ALERT = Map.of("instance", "edge-1:9113", "job", "nginx", "msg", "a \"b\"");

    @Test
    void parses_the_four_operators_quoted_or_bare() {
        assertTrue(LabelMatcher.parse("instance=\"edge-1:9113\"").matches(ALERT));
        assertTrue(LabelMatcher.parse("instance = edge-1:9113").matches(ALERT));
        assertTrue(LabelMatcher.parse("job!=\"apache\"").matches(ALERT));
        assertFalse(LabelMatcher.parse("job!=nginx").matches(ALERT));
        assertTrue(LabelMatcher.parse("instance=~\"edge-[0-9]+:.*\"").matches(ALERT));
        assertTrue(LabelMatcher.parse("instance!~\"db-.*\"").matches(ALERT));
        assertFalse(LabelMatcher.parse("instance!~\"edge.*\"").matches(ALERT));
    }

    @Test
    void regexes_must_match_the_whole_value() {
        assertFalse(LabelMatcher.parse("instance=~\"edge\"").matches(ALERT));
        assertFalse(LabelMatcher.parse("instance=~\"9113\"").matches(ALERT));
        assertFalse(LabelMatcher.parse("instance=~\"edge-1|zzz\"").matches(ALERT), "alternation is anchored as a group");
    }

    @Test
    void a_missing_label_is_the_empty_string() {
        assertTrue(LabelMatcher.parse("team=\"\"").matches(ALERT));
        assertTrue(LabelMatcher.parse("team!=\"ops\"").matches(ALERT));
        assertFalse(LabelMatcher.parse("team=~\".+\"").matches(ALERT));
        assertTrue(LabelMatcher.parse("team=~\".*\"").matches(ALERT));
    }

    @Test
    void quoted_values_take_escapes_and_print_back_the_same_way() {
        LabelMatcher quoted = LabelMatcher.parse("msg=\"a \\\"b\\\"\"");
        assertEquals("a \"b\"", quoted.value());
        assertTrue(quoted.matches(ALERT));
        assertEquals("msg=\"a \\\"b\\\"\"", quoted.toString());
        assertEquals(quoted, LabelMatcher.parse(quoted.toString()));
    }

    @Test
    void malformed_matchers_are_refused_with_a_reason() {
        assertEquals("\"instance\" is not a matcher; write label=\"value\", label!=\"value\", label=~\"regex\" or"
                + " label!~\"regex\"", assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("instance")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("a=\"x"))
                .getMessage().contains("closing quote is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("a=x\"y"))
                .getMessage().contains("quote the whole value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMatcher.parse("a=~\"(\""))
                .getMessage().contains("is not a valid regular expression"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMatcher.equal("9lives", "x"))
                .getMessage().contains("is not a label name"));
    }
}

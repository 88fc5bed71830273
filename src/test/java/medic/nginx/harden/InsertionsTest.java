package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

/** Windows written without Myers must read exactly as Myers writes them. */
class InsertionsTest {
    private static final String TEXT = "http {\n    a;\n\n    b {\n        c;\n    }\n}\n";

    @Test
    void writes_the_seed_and_every_rule_fixture_as_myers_does() throws IOException {
        for (Map.Entry<NginxConfig, List<Finding>> config : Planned.seedAndFixtures()) {
            Planned.edits(config.getKey(), config.getValue()).forEach((path, applied) -> assertSameAsMyers(
                    config.getKey().tree().file(path).source(), applied));
        }
    }

    @Test
    void leaves_a_line_equal_to_one_nearby_to_myers() {
        // A blank line inserted next to a blank line: Myers may place it on either side of the original one.
        assertSameAsMyers(TEXT, apply(TEXT, Edit.insert("x", 13, "\n\n    d;", 0)));
        assertSameAsMyers(TEXT, apply(TEXT, Edit.insert("x", 14, "\n    d;\n", 0)));
        assertEquals(-1, direct(TEXT, Edit.insert("x", 13, "\n\n    d;", 0)));
        assertEquals(1, direct(TEXT, Edit.insert("x", 13, "\n    d;", 0)));
    }

    @Test
    void joins_insertions_at_a_line_end_and_the_next_line_start_into_one_run() {
        TextEdits.Applied applied = apply(TEXT, Edit.insert("x", 13, "\n    d;", 0), Edit.insert("x", 14, "    e;\n", 1));
        assertSameAsMyers(TEXT, applied);
        assertTrue(UnifiedDiff.of("x", TEXT, applied).contains("+    d;\n+    e;\n"));
    }

    @Test
    void matches_myers_on_crlf_lines_a_last_line_without_newline_and_words_added_inside_lines() {
        String crlf = "a;\r\nb;\r\nc;\r\n";
        assertSameAsMyers(crlf, apply(crlf, Edit.insert("x", 2, "\r\nd;", 0)));
        String open = "a;\nb;";
        assertSameAsMyers(open, apply(open, Edit.insert("x", 5, "\nc;", 0)));
        assertSameAsMyers(open, apply(open, Edit.insert("x", 3, "c;\n", 0)));
        assertSameAsMyers(TEXT, apply(TEXT, Edit.insert("x", 12, " on", 0)));
        assertEquals(-1, direct(TEXT, Edit.insert("x", 12, " on", 0)));
    }

    @Test
    void matches_myers_on_random_insertions_and_replacements() {
        Random random = new Random(42);
        String[] lines = {"a;\n", "}\n", "\n", "b {\n", "    c;\n", "    a;\n"};
        String[] pieces = {"\n", "a;\n", "\n    c;", "    a;\n", "}", "\nb {\n}", " x", "\r\n"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                text.append(lines[random.nextInt(lines.length)]);
            }
            String before = random.nextInt(5) == 0 ? text.substring(0, text.length() - 1) : text.toString();
            List<Edit> edits = new ArrayList<>();
            int at = 0;
            while (edits.size() < 6) {
                at += random.nextInt(Math.max(1, before.length() / 3));
                if (at > before.length()) {
                    break;
                }
                int end = random.nextInt(6) == 0 ? Math.min(before.length(), at + random.nextInt(4)) : at;
                edits.add(new Edit("x", at, end, pieces[random.nextInt(pieces.length)], edits.size()));
                at = end;
            }
            assertSameAsMyers(before, apply(before, edits.toArray(Edit[]::new)));
        }
    }

    /** The lines the whole-text window gains when written without Myers, or -1 when it is left to Myers. */
    private static int direct(String before, Edit edit) {
        TextEdits.Applied applied = apply(before, edit);
        int[] starts = UnifiedDiff.starts(before);
        return Insertions.deltas(before, starts, 0, starts.length, applied.kept(), 0, applied.text(), 0,
                applied.text().length(), 0, new ArrayList<>());
    }

    private static TextEdits.Applied apply(String text, Edit... edits) {
        return TextEdits.apply(text, List.of(edits), "x", new ArrayList<>());
    }

    private static void assertSameAsMyers(String before, TextEdits.Applied applied) {
        assertEquals(UnifiedDiff.of("x", before, applied, false), UnifiedDiff.of("x", before, applied, true),
                () -> "edits " + applied.kept() + " on " + before);
    }
}

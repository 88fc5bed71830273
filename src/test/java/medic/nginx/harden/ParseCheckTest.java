package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import medic.MedicException;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigParser;
import medic.nginx.config.ConfigSyntaxException;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

/** The parse check re-reads only the edited regions, and proves nothing it cannot. */
class ParseCheckTest {
    private static final String TEXT = String.join("\n", "user nginx;", "http {",
            "    map $http_upgrade $connection_upgrade {", "        default upgrade;", "    }", "    server {",
            "        location / {  # root", "            proxy_pass http://a;", "        }", "    }", "}", "");
    private static final ConfigFile FILE = ConfigParser.parse("/x.conf", TEXT);

    @Test
    void proves_the_hardened_seed_and_every_rule_fixture_from_their_regions() throws IOException {
        for (Map.Entry<NginxConfig, List<Finding>> config : Planned.seedAndFixtures()) {
            Planned.edits(config.getKey(), config.getValue()).forEach((path, applied) -> {
                if (!applied.kept().isEmpty()) {
                    assertTrue(ParseCheck.regionsParse(config.getKey().tree().file(path), applied.text(),
                            applied.kept()), path);
                }
            });
        }
    }

    @Test
    void proves_directives_added_in_blocks_words_replaced_and_map_entries_that_are_not_names() {
        int proxyPass = TEXT.indexOf("proxy_pass");
        assertTrue(proves(Edit.insert("x", TEXT.indexOf(";", proxyPass) + 1, "\n            proxy_buffering off;", 0)));
        assertTrue(proves(new Edit("x", proxyPass + 11, proxyPass + 19, "http://b", 0)));
        assertTrue(proves(Edit.insert("x", TEXT.indexOf("default"), "'' close;\n        ", 0)));
        assertTrue(proves(Edit.insert("x", TEXT.indexOf("# root") + 6, "\n            proxy_cache off;", 0)));
    }

    @Test
    void proves_nothing_when_an_edit_leaves_its_block_or_its_directive_open() {
        int proxyPass = TEXT.indexOf("proxy_pass");
        assertFalse(proves(Edit.insert("x", proxyPass, "} location /b {", 0)));
        assertFalse(proves(Edit.insert("x", proxyPass, "proxy_buffering off", 0)));
        assertFalse(proves(Edit.insert("x", proxyPass, "# open", 0)));
        assertFalse(proves(Edit.insert("x", proxyPass, "\"open", 0)));
        assertFalse(proves(Edit.insert("x", TEXT.indexOf("server {"), "bad-name on;\n    ", 0)));
    }

    @Test
    void reports_text_that_does_not_parse_as_the_whole_file_check_does() {
        String after = TEXT.replace("proxy_pass http://a;", "proxy_pass http://a");
        Edit edit = new Edit("x", TEXT.indexOf("proxy_pass"), TEXT.indexOf("proxy_pass") + 20, "proxy_pass http://a", 0);
        MedicException thrown = assertThrows(MedicException.class,
                () -> ParseCheck.validate(FILE, "x.conf", after, List.of(edit)));
        MedicException whole = assertThrows(MedicException.class, () -> Hardener.validate("/x.conf", "x.conf", after));
        assertEquals(whole.getMessage(), thrown.getMessage());
    }

    @Test
    void never_proves_a_text_that_does_not_parse_under_random_edits() {
        Random random = new Random(7);
        String[] pieces = {";", "}", "{", "# c", "\"", "'", "x", "\n", " ", "a b;", "\nc {", "}\n", "\\"};
        int proven = 0;
        for (int round = 0; round < 4000; round++) {
            List<Edit> edits = new ArrayList<>();
            int at = 0;
            int count = 1 + random.nextInt(3);
            while (edits.size() < count) {
                at += random.nextInt(TEXT.length() / 2);
                if (at > TEXT.length()) {
                    break;
                }
                int end = random.nextInt(4) == 0 ? Math.min(TEXT.length(), at + random.nextInt(5)) : at;
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                edits.add(new Edit("x", at, end, text.toString(), edits.size()));
                at = end;
            }
            TextEdits.Applied applied = TextEdits.apply(TEXT, edits, "x", new ArrayList<>());
            if (!applied.kept().isEmpty() && ParseCheck.regionsParse(FILE, applied.text(), applied.kept())) {
                proven++;
                try {
                    ConfigParser.parse("/x.conf", applied.text());
                } catch (ConfigSyntaxException e) {
                    throw new AssertionError("proved " + applied.kept() + " but the file does not parse: " + e);
                }
            }
        }
        assertTrue(proven > 100, "proven " + proven);
    }

    private static boolean proves(Edit edit) {
        TextEdits.Applied applied = TextEdits.apply(TEXT, List.of(edit), "x", new ArrayList<>());
        return ParseCheck.regionsParse(FILE, applied.text(), applied.kept());
    }
}

package medic.nginx.harden;

import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.LogView;
import medic.nginx.diagnosis.RuleFixture;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void names_files_relative_to_the_dump_root_with_a_and_b_prefixes_and_three_lines_of_context() {
        NginxConfig config = Configs.of(lines("http {", "    server {", "        location /ws/ {",
                "            proxy_pass http://a;", "            root /srv;", "            index index.html;",
                "            autoindex off;", "        }", "    }", "}"));
        Proposal proposal = Hardener.proposeChanges(config,
                List.of(new Change.SetDirective(scope(config, "/ws/"), "proxy_read_timeout", List.of("3600s"))));
        assertEquals(lines(
                "--- a/etc/nginx/nginx.conf",
                "+++ b/etc/nginx/nginx.conf",
                "@@ -2,6 +2,7 @@",
                "     server {",
                "         location /ws/ {",
                "             proxy_pass http://a;",
                "+            proxy_read_timeout 3600s;",
                "             root /srv;",
                "             index index.html;",
                "             autoindex off;"), proposal.unifiedDiff());
        assertEquals(1, proposal.files().get(0).added());
        assertEquals(0, proposal.files().get(0).removed());
    }

    @Test
    void marks_a_last_line_without_newline_on_both_sides() {
        String before = "http {\n    sendfile on;\n}";
        String after = "http {\n    sendfile on;\n}\nevents {}";
        assertEquals(lines("--- a/x.conf", "+++ b/x.conf", "@@ -1,3 +1,4 @@", " http {", "     sendfile on;",
                "-}", "\\ No newline at end of file", "+}", "+events {}", "\\ No newline at end of file"),
                UnifiedDiff.of("x.conf", before, after));
    }

    @Test
    void keeps_the_carriage_returns_of_crlf_lines() {
        String diff = UnifiedDiff.of("x.conf", "a;\r\nb;\r\n", "a;\r\nc;\r\nb;\r\n");
        assertTrue(diff.contains("\n+c;\r\n"), diff);
        assertTrue(diff.contains("\n a;\r\n"), diff);
    }

    @Test
    void is_empty_for_equal_texts() {
        assertEquals("", UnifiedDiff.of("x.conf", "a;\n", "a;\n"));
    }

    @Test
    void keeps_a_missing_final_newline_when_editing_elsewhere() {
        NginxConfig config = Configs.of("http { server { location /ws/ {\n    proxy_pass http://a;\n} } }");
        Proposal proposal = Hardener.proposeChanges(config,
                List.of(new Change.SetDirective(scope(config, "/ws/"), "proxy_buffering", List.of("off"))));
        assertEquals("http { server { location /ws/ {\n    proxy_pass http://a;\n    proxy_buffering off;\n} } }",
                proposal.files().get(0).after());
        assertTrue(proposal.unifiedDiff().endsWith(" } } }\n\\ No newline at end of file\n"), proposal.unifiedDiff());
    }

    @Test
    void diffs_only_around_the_edits_yet_matches_the_whole_file_diff_on_a_config_edited_all_over() {
        StringBuilder text = new StringBuilder("http {\n    sendfile on;\n    keepalive_timeout 65;\n"
                + "    error_log logs/error.log;\n\n    # pools\n");
        for (int u = 0; u < 5; u++) {
            text.append("    upstream app").append(u).append(" {\n        server 127.0.0.1:").append(10000 + u)
                    .append(";\n    }\n");
        }
        for (int i = 0; i < 60; i++) {
            text.append("    server {\n        listen ").append(20000 + i).append(";\n\n        location /ws/ {\n")
                    .append("            proxy_pass http://app").append(i % 5).append(";\n")
                    .append(i % 3 == 0 ? "            proxy_http_version 1.0;\n"
                            : "            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n"
                            + "            proxy_set_header Connection $connection_upgrade;\n")
                    .append("        }\n\n        location /static/ {\n            root /srv;\n        }\n    }\n");
        }
        NginxConfig config = Configs.of(text.append("}\n").toString());
        Proposal proposal = Hardener.propose(config,
                Diagnoser.standard().diagnose(new Analysis(config, LogView.none(), BackendFacts.NONE)));
        assertTrue(proposal.files().get(0).added() > 300, proposal.summary());
        assertSameAsWholeFileDiffs(proposal);
    }

    @Test
    void diffs_only_around_the_edits_yet_matches_the_whole_file_diff_on_the_seed_and_every_rule_fixture()
            throws IOException {
        NginxConfig seed = SeedHardeningTest.load(SeedHardeningTest.SEED);
        assertSameAsWholeFileDiffs(Hardener.propose(seed, SeedHardeningTest.findings(seed)));
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/rules"))) {
            fixtures = walk.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path path : fixtures) {
            Analysis analysis = RuleFixture.read(path).analysis();
            assertSameAsWholeFileDiffs(Hardener.propose(analysis.config(),
                    Diagnoser.standard().diagnose(analysis)));
        }
    }

    private static void assertSameAsWholeFileDiffs(Proposal proposal) {
        for (FileChange file : proposal.files()) {
            assertEquals(UnifiedDiff.of(file.relativePath(), file.before(), file.after()), file.diff(), file.path());
        }
    }
}

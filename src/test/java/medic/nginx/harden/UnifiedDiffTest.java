package medic.nginx.harden;

import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Change;
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
}

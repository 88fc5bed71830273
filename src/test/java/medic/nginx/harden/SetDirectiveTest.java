package medic.nginx.harden;

import static medic.nginx.harden.Configs.harden;
import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

class SetDirectiveTest {
    private static final String WS = lines(
            "http {",
            "    server {",
            "        listen 8080;",
            "        location /ws/ {",
            "            proxy_pass http://127.0.0.1:3000;",
            "            proxy_read_timeout   60s;   # tuned in 2019",
            "        }",
            "    }",
            "}");

    private static Change set(NginxConfig config, String name, String... args) {
        return new Change.SetDirective(scope(config, "/ws/"), name, List.of(args));
    }

    @Test
    void replaces_the_value_in_place_keeping_spacing_and_the_trailing_comment() {
        NginxConfig config = Configs.of(WS);
        assertEquals(WS.replace("proxy_read_timeout   60s;", "proxy_read_timeout   3600s;"),
                harden(config, set(config, "proxy_read_timeout", "3600s")));
    }

    @Test
    void adds_a_missing_directive_after_its_kin_with_the_sibling_indentation() {
        NginxConfig config = Configs.of(WS);
        assertEquals(WS.replace("# tuned in 2019\n", "# tuned in 2019\n            proxy_send_timeout 3600s;\n"),
                harden(config, set(config, "proxy_send_timeout", "3600s")));
    }

    @Test
    void adds_after_proxy_pass_when_the_block_has_no_kin() {
        String text = lines(
                "http {",
                "  server {",
                "    location /ws/ {",
                "      proxy_pass http://127.0.0.1:3000;",
                "      root /srv;",
                "    }",
                "  }",
                "}");
        NginxConfig config = Configs.of(text);
        assertEquals(text.replace("3000;\n", "3000;\n      limit_conn ws 50;\n"),
                harden(config, set(config, "limit_conn", "ws", "50")));
    }

    @Test
    void adds_at_the_end_of_a_block_without_kin_or_proxy_pass_one_unit_deeper() {
        String text = lines(
                "http {",
                "  server {",
                "    location /ws/ {",
                "    }",
                "  }",
                "}");
        NginxConfig config = Configs.of(text);
        assertEquals(text.replace("/ws/ {\n", "/ws/ {\n      proxy_buffering off;\n"),
                harden(config, set(config, "proxy_buffering", "off")));
    }

    @Test
    void keeps_tabs_when_the_file_indents_with_tabs() {
        String text = "http {\n\tserver {\n\t\tlocation /ws/ {\n\t\t\tproxy_pass http://a;\n\t\t}\n\t}\n}\n";
        NginxConfig config = Configs.of(text);
        assertEquals(text.replace("http://a;\n", "http://a;\n\t\t\tproxy_http_version 1.1;\n"),
                harden(config, set(config, "proxy_http_version", "1.1")));
    }

    @Test
    void keeps_crlf_line_endings() {
        String text = WS.replace("\n", "\r\n");
        NginxConfig config = Configs.of(text);
        assertEquals(text.replace("# tuned in 2019\r\n", "# tuned in 2019\r\n            proxy_send_timeout 3600s;\r\n")
                        .replace("   60s;", "   3600s;"),
                harden(config, set(config, "proxy_send_timeout", "3600s"), set(config, "proxy_read_timeout", "3600s")));
    }

    @Test
    void writes_inline_in_a_block_written_on_one_line() {
        String text = "http { server { location /ws/ { proxy_pass http://a; } } }\n";
        NginxConfig config = Configs.of(text);
        assertEquals("http { server { location /ws/ { proxy_pass http://a; proxy_buffering off; } } }\n",
                harden(config, set(config, "proxy_buffering", "off")));
    }

    @Test
    void quotes_values_nginx_would_otherwise_split() {
        NginxConfig config = Configs.of(WS);
        String out = harden(config, set(config, "add_header", "X-Note", "a b; c"), set(config, "proxy_cache_key", ""));
        assertEquals(WS.replace("3000;\n", "3000;\n            add_header X-Note \"a b; c\";\n")
                .replace("2019\n", "2019\n            proxy_cache_key \"\";\n"), out);
        NginxConfig again = Configs.of(out);
        assertEquals(List.of("X-Note", "a b; c"), scope(again, "/ws/").find("add_header").args());
        assertEquals(List.of(""), scope(again, "/ws/").find("proxy_cache_key").args());
    }

    @Test
    void edits_a_directive_in_place_in_the_included_file_that_holds_it() {
        NginxConfig config = Configs.files(
                Configs.MAIN, lines("http {", "    server {", "        location /ws/ {",
                        "            proxy_pass http://a;", "            include /etc/nginx/ws_timeouts.conf;",
                        "        }", "    }", "}"),
                "/etc/nginx/ws_timeouts.conf", lines("# shared timeouts", "proxy_read_timeout 60s;"));
        Proposal proposal = Hardener.proposeChanges(config, List.of(set(config, "proxy_read_timeout", "3600s")));
        assertEquals(1, proposal.files().size());
        FileChange change = proposal.files().get(0);
        assertEquals("etc/nginx/ws_timeouts.conf", change.relativePath());
        assertEquals(lines("# shared timeouts", "proxy_read_timeout 3600s;"), change.after());
    }

    @Test
    void adds_after_the_include_line_that_brings_in_the_kin_leaving_the_shared_file_alone() {
        String main = lines("http {", "    server {", "        location /ws/ {",
                "            include /etc/nginx/ws_timeouts.conf;", "            root /srv;", "        }", "    }", "}");
        NginxConfig config = Configs.files(Configs.MAIN, main,
                "/etc/nginx/ws_timeouts.conf", lines("proxy_read_timeout 60s;"));
        Proposal proposal = Hardener.proposeChanges(config, List.of(set(config, "proxy_send_timeout", "3600s")));
        assertEquals(1, proposal.files().size());
        assertEquals(main.replace("ws_timeouts.conf;\n", "ws_timeouts.conf;\n            proxy_send_timeout 3600s;\n"),
                proposal.files().get(0).after());
    }

    @Test
    void changes_nothing_when_the_value_is_already_set() {
        NginxConfig config = Configs.of(WS);
        assertEquals(WS, harden(config, set(config, "proxy_read_timeout", "60s")));
        assertEquals(true, Hardener.proposeChanges(config, List.of(set(config, "proxy_read_timeout", "60s"))).isEmpty());
    }

    @Test
    void adds_main_level_directives_beside_their_family_before_the_events_block() {
        String text = lines("user www-data;", "worker_processes auto;", "pid /run/nginx.pid;", "", "events {",
                "    worker_connections 768;", "}", "http {", "}");
        NginxConfig config = Configs.of(text);
        var events = config.main().children(medic.nginx.model.ScopeKind.EVENTS).get(0);
        String out = harden(config,
                new Change.SetDirective(config.main(), "worker_rlimit_nofile", List.of("65535")),
                new Change.SetDirective(events, "worker_connections", List.of("16384")));
        assertEquals(text.replace("auto;\n", "auto;\nworker_rlimit_nofile 65535;\n").replace("768;", "16384;"), out);
    }

    @Test
    void says_so_when_the_edited_file_is_included_in_several_places() {
        NginxConfig config = Configs.files(
                Configs.MAIN, lines("http {", "    server {", "        location /ws/ {",
                        "            include /etc/nginx/ws.conf;", "        }", "        location /live/ {",
                        "            include /etc/nginx/ws.conf;", "        }", "    }", "}"),
                "/etc/nginx/ws.conf", lines("proxy_pass http://a;", "proxy_read_timeout 60s;"));
        Proposal proposal = Hardener.proposeChanges(config, List.of(set(config, "proxy_read_timeout", "3600s"),
                new Change.SetDirective(scope(config, "/live/"), "proxy_read_timeout", List.of("3600s"))));
        assertEquals(1, proposal.files().size());
        assertEquals(lines("proxy_pass http://a;", "proxy_read_timeout 3600s;"), proposal.files().get(0).after());
        assertEquals(List.of("etc/nginx/ws.conf is included in 2 places: the edit applies to all of them"),
                proposal.notes());
    }
}

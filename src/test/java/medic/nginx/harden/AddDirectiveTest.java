package medic.nginx.harden;

import static medic.nginx.harden.Configs.harden;
import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Change.AddDirective;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import org.junit.jupiter.api.Test;

class AddDirectiveTest {
    private static final String INHERITS = lines(
            "http {",
            "    proxy_set_header X-Request-Id $request_id;",
            "    server {",
            "        listen 8080;",
            "        proxy_set_header Host $http_host;",
            "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "",
            "        location /ws/ {",
            "            proxy_pass http://127.0.0.1:3000;",
            "            proxy_read_timeout 3600s;",
            "        }",
            "    }",
            "}");

    private static AddDirective header(Scope scope, String name, String value) {
        return AddDirective.upsert(scope, "proxy_set_header", List.of(name, value), 1);
    }

    @Test
    void copies_the_inherited_headers_before_adding_one_so_none_is_dropped() {
        NginxConfig config = Configs.of(INHERITS);
        Scope ws = scope(config, "/ws/");
        String out = harden(config, header(ws, "Upgrade", "$http_upgrade"), header(ws, "Connection", "$connection_upgrade"));
        assertEquals(INHERITS.replace("3600s;\n", "3600s;\n"
                + "            proxy_set_header Host $http_host;\n"
                + "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "            proxy_set_header Upgrade $http_upgrade;\n"
                + "            proxy_set_header Connection $connection_upgrade;\n"), out);
        NginxConfig hardened = Configs.of(out);
        HeaderSet headers = hardened.headers(Configs.location(hardened, "/ws/"));
        assertTrue(headers.droppedWithoutReplacement().isEmpty(), "nothing the server level set is lost");
    }

    @Test
    void an_upsert_of_an_inherited_header_copies_the_set_with_the_new_value() {
        NginxConfig config = Configs.of(INHERITS);
        String out = harden(config, header(scope(config, "/ws/"), "host", "$host"));
        assertEquals(INHERITS.replace("3600s;\n", "3600s;\n"
                + "            proxy_set_header Host $host;\n"
                + "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"), out);
    }

    @Test
    void copies_nothing_when_every_header_asked_for_is_already_inherited() {
        NginxConfig config = Configs.of(INHERITS);
        Scope ws = scope(config, "/ws/");
        assertEquals(INHERITS, harden(config,
                AddDirective.ifAbsent(ws, "proxy_set_header", List.of("Host", "$host"), 1),
                AddDirective.ifAbsent(ws, "proxy_set_header", List.of("X-Forwarded-For", "$remote_addr"), 1)));
    }

    @Test
    void replaces_an_existing_header_value_in_place_and_leaves_if_absent_ones_alone() {
        String text = lines(
                "http {",
                "    server {",
                "        location /ws/ {",
                "            proxy_pass http://a;",
                "            proxy_set_header Connection \"upgrade\"; # hard-coded",
                "            proxy_set_header Host $http_host;",
                "        }",
                "    }",
                "}");
        NginxConfig config = Configs.of(text);
        Scope ws = scope(config, "/ws/");
        String out = harden(config, header(ws, "connection", "$connection_upgrade"),
                AddDirective.ifAbsent(ws, "proxy_set_header", List.of("Host", "$host"), 1));
        assertEquals(text.replace("Connection \"upgrade\"; # hard-coded", "Connection $connection_upgrade; # hard-coded"),
                out);
    }

    @Test
    void adds_nothing_twice_when_several_findings_ask_for_the_same_header() {
        NginxConfig config = Configs.of(INHERITS);
        Scope ws = scope(config, "/ws/");
        List<Change> changes = List.of(header(ws, "Upgrade", "$http_upgrade"));
        List<Finding> findings = List.of(finding("WS01", changes), finding("WS04", changes), finding("WS07", changes));
        Proposal proposal = Hardener.propose(config, findings);
        String out = proposal.files().get(0).after();
        assertEquals(1, out.split("Upgrade", -1).length - 1, out);
        assertEquals(3, proposal.findings().size());
    }

    @Test
    void copies_limit_conn_from_the_server_level_before_adding_a_location_limit() {
        String text = lines(
                "http {",
                "    limit_conn_zone $binary_remote_addr zone=perip:10m;",
                "    limit_conn_zone $binary_remote_addr zone=ws_conn_zone:10m;",
                "    server {",
                "        limit_conn perip 100;",
                "        location /ws/ {",
                "            proxy_pass http://a;",
                "        }",
                "    }",
                "}");
        NginxConfig config = Configs.of(text);
        String out = harden(config, AddDirective.upsert(scope(config, "/ws/"), "limit_conn", List.of("ws_conn_zone", "50"), 1));
        assertEquals(text.replace("http://a;\n", "http://a;\n"
                + "            limit_conn perip 100;\n"
                + "            limit_conn ws_conn_zone 50;\n"), out);
    }

    @Test
    void adds_beside_the_include_line_that_brings_the_level_its_headers() {
        String main = lines(
                "http {",
                "    server {",
                "        location /ws/ {",
                "            proxy_pass http://a;",
                "            include proxy_params;",
                "        }",
                "    }",
                "}");
        NginxConfig config = Configs.files(Configs.MAIN, main,
                "/etc/nginx/proxy_params", lines("proxy_set_header Host $http_host;"));
        String out = harden(config, header(scope(config, "/ws/"), "Upgrade", "$http_upgrade"));
        assertEquals(main.replace("proxy_params;\n", "proxy_params;\n            proxy_set_header Upgrade $http_upgrade;\n"),
                out);
    }

    static Finding finding(String rule, List<Change> changes) {
        return new Finding(rule, Severity.HIGH, "nginx.conf", 1, rule, "", null, null, List.of(), "", changes);
    }
}

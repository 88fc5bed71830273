package medic.nginx.harden;

import static medic.nginx.harden.Configs.harden;
import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.ScopeKind;
import org.junit.jupiter.api.Test;

class HttpContextTest {
    private static final String THREE = lines(
            "events {}",
            "http {",
            "    include mime.types;",
            "    sendfile on;",
            "",
            "    # the app pool",
            "    upstream app {",
            "        server 127.0.0.1:3000;",
            "    }",
            "",
            "    server {",
            "        location /ws/ { proxy_pass http://app; }",
            "        location /live/ { proxy_pass http://app; }",
            "        location /socket.io/ { proxy_pass http://app; }",
            "    }",
            "}");
    private static final String MIME = lines("types {", "    text/html html;", "}");

    private static NginxConfig three() {
        return Configs.files(Configs.MAIN, THREE, "/etc/nginx/mime.types", MIME);
    }

    private static final String MAP = lines(
            "",
            "    map $http_upgrade $connection_upgrade {",
            "        default upgrade;",
            "        ''      \"\";",
            "    }");

    @Test
    void inserts_the_upgrade_map_once_before_the_first_upstream_keeping_its_comment_attached() {
        NginxConfig config = three();
        Change map = new Change.EnsureUpgradeMap("$connection_upgrade", "\"\"");
        List<Finding> findings = List.of(AddDirectiveTest.finding("WS01", List.of(map)),
                AddDirectiveTest.finding("WS01", List.of(map)), AddDirectiveTest.finding("WS01", List.of(map)));
        Proposal proposal = Hardener.propose(config, findings);
        assertEquals(THREE.replace("sendfile on;\n", "sendfile on;\n" + MAP), proposal.files().get(0).after());
    }

    @Test
    void writes_close_for_plain_requests_when_asked_and_nothing_when_a_map_exists() {
        NginxConfig config = three();
        String out = harden(config, new Change.EnsureUpgradeMap("connection_upgrade", "close"));
        assertTrue(out.contains("        ''      close;\n"), out);
        NginxConfig hardened = Configs.files(Configs.MAIN, out, "/etc/nginx/mime.types", MIME);
        assertEquals(1, hardened.http().children(ScopeKind.MAP).size());
        assertEquals(out, harden(hardened, new Change.EnsureUpgradeMap("$connection_upgrade", "\"\"")));
    }

    @Test
    void puts_the_map_first_when_http_starts_with_a_server() {
        String text = lines("http {", "  server {", "    listen 80;", "  }", "}");
        String out = harden(Configs.of(text), new Change.EnsureUpgradeMap("$connection_upgrade", ""));
        assertEquals(lines("http {", "  map $http_upgrade $connection_upgrade {", "    default upgrade;",
                "    ''      \"\";", "  }", "", "  server {", "    listen 80;", "  }", "}"), out);
    }

    @Test
    void adds_an_http_directive_once_beside_its_kin_and_not_when_its_zone_exists() {
        NginxConfig config = three();
        Change zone = new Change.EnsureHttpDirective("limit_conn_zone",
                List.of("$binary_remote_addr", "zone=ws_conn_zone:10m"), 1);
        String out = harden(config, zone, zone);
        assertEquals(THREE.replace("sendfile on;\n", "sendfile on;\n"
                + "    limit_conn_zone $binary_remote_addr zone=ws_conn_zone:10m;\n"), out);
        String other = THREE.replace("sendfile on;\n", "sendfile on;\n    limit_conn_zone $server_name zone=ws_conn_zone:1m;\n");
        NginxConfig withZone = Configs.files(Configs.MAIN, other, "/etc/nginx/mime.types", MIME);
        assertEquals(other, harden(withZone, new Change.EnsureHttpDirective("limit_conn_zone",
                List.of("$binary_remote_addr", "zone=ws_conn_zone:10m"), 1)));
    }

    @Test
    void replaces_a_map_entry_value_in_place() {
        String text = lines("http {", "    map $http_upgrade $connection_upgrade {", "        default   upgrade;",
                "        ''        close;  # nginx docs", "    }", "}");
        NginxConfig config = Configs.of(text);
        var map = config.http().children(ScopeKind.MAP).get(0);
        assertEquals(text.replace("close;", "\"\";"), harden(config, new Change.SetMapEntry(map, "''", "\"\"")));
        assertEquals(text, harden(config, new Change.SetMapEntry(map, "", "close")));
    }

    @Test
    void makes_a_prefix_location_win_over_regexes_keeping_its_spacing() {
        String text = lines("http {", "    server {", "        location  /ws/  {", "            proxy_pass http://a;",
                "        }", "        location ~ \\.php$ { return 404; }", "    }", "}");
        NginxConfig config = Configs.of(text);
        String out = harden(config, new Change.MakePrefixNoRegex(scope(config, "/ws/")));
        assertEquals(text.replace("location  /ws/  {", "location  ^~ /ws/  {"), out);
        NginxConfig hardened = Configs.of(out);
        assertEquals(out, harden(hardened, new Change.MakePrefixNoRegex(scope(hardened, "/ws/"))));
        Proposal regex = Hardener.proposeChanges(config, List.of(new Change.MakePrefixNoRegex(scope(config, "\\.php$"))));
        assertTrue(regex.isEmpty());
        assertTrue(regex.notes().get(0).contains("not a plain prefix location"), regex.notes().toString());
    }
}

package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.log.FailureClass;
import org.junit.jupiter.api.Test;

/** WS04 and WS07: proxy_set_header inheritance and the Connection header the backend receives. */
class HeaderRulesTest {
    @Test
    void ws04_reports_a_level_shared_by_nested_locations_once_and_repairs_it_there() {
        Analysis analysis = Configs.analysis(
                "events {}",
                "http {",
                "  upstream media { server 127.0.0.1:9001; }",
                "  server { listen 8080; server_name media.test;",
                "    proxy_set_header Host $host;",
                "    proxy_set_header Connection \"\";",
                "    location /video/ {",
                "      proxy_set_header X-Tenant $http_x_tenant;",
                "      proxy_pass http://media;",
                "      location ~ \\.m3u8$ { proxy_pass http://media; }",
                "    }",
                "  }",
                "}");
        List<Finding> found = new InheritedHeadersDropped().check(analysis);
        assertEquals(1, found.size(), found.toString());
        Finding finding = found.get(0);
        assertEquals(8, finding.line());
        assertTrue(finding.message().contains("location /video/, location ~ \\.m3u8$"), finding.message());
        assertFalse(finding.message().contains("Connection"), "Connection only matters on WebSocket locations");
        Change.AddDirective add = (Change.AddDirective) finding.changes().get(0);
        assertSame(analysis.config().locations().get(0).scope(), add.scope(), "repaired at the level that drops");
        assertEquals(List.of("Host", "$host"), add.args());
        assertFalse(add.replace(), "an operator's own Host line at that level wins");
    }

    @Test
    void ws04_copies_dropped_websocket_lines_verbatim_and_cites_the_log() {
        Analysis analysis = Configs.analysis(null, List.of(Configs.event(FailureClass.RESET_READING_HEADER,
                        "chat.test", "GET", "/ws/room")),
                "events {}",
                "http {",
                "  upstream chat { server 127.0.0.1:9001; }",
                "  server { listen 8080; server_name chat.test;",
                "    proxy_set_header Upgrade $http_upgrade;",
                "    proxy_set_header Connection \"upgrade\";",
                "    location /ws/ { proxy_pass http://chat; proxy_set_header X-Room $arg_room; }",
                "  }",
                "}");
        Finding finding = new InheritedHeadersDropped().check(analysis).get(0);
        assertEquals(List.of(List.of("Upgrade", "$http_upgrade"), List.of("Connection", "upgrade")),
                finding.changes().stream().map(c -> ((Change.AddDirective) c).args()).toList());
        assertEquals("critical", finding.severity().label(), "a reset at the location confirms it");
    }

    @Test
    void ws04_does_not_restore_a_keepalive_connection_header_on_a_websocket_location() {
        Analysis analysis = Configs.analysis(
                "events {}",
                "http {",
                "  upstream chat { server 127.0.0.1:9001; keepalive 8; }",
                "  server { listen 8080; server_name chat.test;",
                "    proxy_set_header Connection \"\";",
                "    proxy_set_header Host $host;",
                "    location /ws/ { proxy_pass http://chat; proxy_set_header Upgrade $http_upgrade; }",
                "  }",
                "}");
        Finding finding = new InheritedHeadersDropped().check(analysis).get(0);
        assertEquals(List.of(List.of("Host", "$host")),
                finding.changes().stream().map(c -> ((Change.AddDirective) c).args()).toList(),
                "Connection \"\" would block the upgrade; WS01 proposes the map instead");
    }

    @Test
    void ws07_reports_a_server_level_literal_once_and_replaces_it_at_that_level() {
        Analysis analysis = Configs.analysis(
                "events {}",
                "http {",
                "  map $http_upgrade $upgrade_or_close { default upgrade; '' close; }",
                "  upstream app { server 127.0.0.1:9001; }",
                "  server { listen 8080; server_name app.test;",
                "    proxy_set_header Upgrade $http_upgrade;",
                "    proxy_set_header Connection upgrade;",
                "    location / { proxy_pass http://app; }",
                "    location /api/ { proxy_pass http://app; }",
                "  }",
                "}");
        List<Finding> found = new HardCodedConnectionUpgrade().check(analysis);
        assertEquals(1, found.size(), found.toString());
        assertEquals(7, found.get(0).line());
        Change.AddDirective upsert = (Change.AddDirective) found.get(0).changes().get(1);
        assertSame(analysis.config().servers().get(0).scope(), upsert.scope());
        assertEquals(List.of("Connection", "$upgrade_or_close"), upsert.args(), "the existing map's variable");
        assertTrue(upsert.replace());
    }

    @Test
    void ws07_leaves_a_variable_connection_header_alone() {
        Analysis analysis = Configs.analysis(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:9001; }",
                "  server { listen 8080; server_name app.test;",
                "    location / { proxy_pass http://app; proxy_set_header Upgrade $http_upgrade;",
                "      proxy_set_header Connection $http_connection; }",
                "  }",
                "}");
        assertEquals(List.of(), new HardCodedConnectionUpgrade().check(analysis));
    }
}

package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import org.junit.jupiter.api.Test;

/** WS02, WS03, WS08: the HTTP version and Connection semantics between nginx and the backend. */
class ProtocolRulesTest {
    private static final String[] MAP = {
        "map $http_upgrade $connection_upgrade { default upgrade; '' close; }",
    };

    private static String[] config(String httpLevel, String upstreamBody, String... locations) {
        List<String> lines = new java.util.ArrayList<>(List.of("events {}", "http {", httpLevel));
        lines.addAll(List.of(MAP));
        lines.add("upstream app { server 127.0.0.1:9001; " + upstreamBody + " }");
        lines.add("server { listen 8080; server_name app.test;");
        lines.addAll(List.of(locations));
        lines.add("} }");
        return lines.toArray(String[]::new);
    }

    private static final String WS = "location /ws/ { proxy_pass http://app; proxy_set_header Upgrade $http_upgrade;"
            + " proxy_set_header Connection $connection_upgrade; }";

    @Test
    void ws02_blames_an_http_level_1_0_but_sets_1_1_in_the_location() {
        Analysis analysis = Configs.analysis(config("proxy_http_version 1.0;", "", WS,
                "location /api/ { proxy_pass http://app; }"));
        List<Finding> found = new WebSocketOverHttp10().check(analysis);
        assertEquals(1, found.size(), "the plain /api/ location is not a WebSocket location");
        assertEquals(3, found.get(0).line());
        Change.SetDirective set = (Change.SetDirective) found.get(0).changes().get(0);
        assertSame(analysis.config().locations().get(0).scope(), set.scope());
        assertEquals(List.of("1.1"), set.args());
    }

    @Test
    void ws03_blames_an_inherited_http2_only_for_websocket_locations() {
        Analysis analysis = Configs.analysis("1.29.4", List.of(), config("proxy_http_version 2;", "", WS,
                "location /api/ { proxy_pass http://app; }"));
        List<Finding> found = new WebSocketOverHttp2().check(analysis);
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).line());
        assertTrue(found.get(0).message().contains("location /ws/"), found.get(0).message());
    }

    @Test
    void ws08_reports_one_map_once_for_every_pooled_location() {
        Analysis analysis = Configs.analysis(config("", "keepalive 16;", WS,
                "location /live/ { proxy_pass http://app; proxy_set_header Upgrade $http_upgrade;"
                        + " proxy_set_header Connection $connection_upgrade; }"));
        List<Finding> found = new UpgradeMapClosesPooledConnections().check(analysis);
        assertEquals(1, found.size());
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).message().contains("/ws/") && found.get(0).message().contains("/live/"));
        Change.SetMapEntry entry = (Change.SetMapEntry) found.get(0).changes().get(0);
        assertEquals("''", entry.key());
        assertEquals("\"\"", entry.value());
    }

    @Test
    void ws08_takes_keepalive_0_as_no_pool_even_on_1_29_7() {
        Analysis analysis = Configs.analysis("1.29.7", List.of(), config("", "keepalive 0;", WS));
        assertEquals(List.of(), new UpgradeMapClosesPooledConnections().check(analysis));
    }

    @Test
    void ws08_ignores_a_literal_proxy_pass_address_which_has_no_pool() {
        Analysis analysis = Configs.analysis("1.29.7", List.of(), config("", "",
                "location /ws/ { proxy_pass http://127.0.0.1:9001; proxy_set_header Upgrade $http_upgrade;"
                        + " proxy_set_header Connection $connection_upgrade; }"));
        assertEquals(List.of(), new UpgradeMapClosesPooledConnections().check(analysis));
    }

    @Test
    void ws08_sees_the_implicit_pool_of_an_upstream_block_from_1_29_7() {
        assertEquals(1, new UpgradeMapClosesPooledConnections()
                .check(Configs.analysis("1.29.7", List.of(), config("", "", WS))).size());
        assertEquals(0, new UpgradeMapClosesPooledConnections()
                .check(Configs.analysis("1.29.6", List.of(), config("", "", WS))).size());
    }
}

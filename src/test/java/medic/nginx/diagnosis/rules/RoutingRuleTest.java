package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.RuleFixture;
import medic.nginx.log.FailureClass;
import org.junit.jupiter.api.Test;

/** WS05: which location nginx really picks for WebSocket URIs, and whether ^~ would fix it. */
class RoutingRuleTest {
    private static final String RECIPE = "proxy_pass http://rt; proxy_set_header Upgrade $http_upgrade;"
            + " proxy_set_header Connection $connection_upgrade;";

    private static Analysis analysis(List<LogEvent> events, String... locations) {
        List<String> lines = new ArrayList<>(List.of("events {}", "http {",
                "  map $http_upgrade $connection_upgrade { default upgrade; '' \"\"; }",
                "  upstream rt { server 127.0.0.1:9001; }", "  upstream other { server 127.0.0.1:9002; }",
                "  server { listen 8080; server_name app.test;"));
        lines.addAll(List.of(locations));
        lines.add("  }");
        lines.add("}");
        return Configs.analysis(null, events, lines.toArray(String[]::new));
    }

    private static LogEvent reset(String uri) {
        return Configs.event(FailureClass.RESET_READING_HEADER, "app.test", "GET", uri);
    }

    @Test
    void proposes_prefix_no_regex_when_it_would_route_the_uris_back() {
        Analysis analysis = RuleFixture.read(Path.of("src/test/resources/rules/WS05/stolen-per-log.conf")).analysis();
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertTrue(finding.message().startsWith("nginx serves /ws/v2/stream from location ~ ^/(api|ws)/v[0-9]+/"),
                finding.message());
        assertTrue(finding.message().contains("location /ws/ (stolen-per-log.conf:19)"), finding.message());
        assertTrue(finding.message().contains("unless that prefix is marked ^~"), finding.message());
        Change.MakePrefixNoRegex change = (Change.MakePrefixNoRegex) finding.changes().get(0);
        assertEquals(19, change.location().block().line());
        assertEquals(2, finding.evidence().size(), "the two GET handshakes, not the POST to /api/v1/orders");
    }

    @Test
    void withholds_prefix_no_regex_when_a_longer_prefix_would_still_lose_to_the_regex() {
        Analysis analysis = analysis(List.of(reset("/ws/v2/stream")),
                "    location /ws/ { " + RECIPE + " }",
                "    location /ws/v2/ { proxy_pass http://other; }",
                "    location ~ ^/ws/v[0-9]+/ { proxy_pass http://other; }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertEquals(9, finding.line());
        assertEquals(List.of(), finding.changes());
        assertTrue(finding.fix().startsWith("add the Upgrade/Connection headers to location ~ ^/ws/v[0-9]+/"),
                finding.fix());
    }

    @Test
    void a_regex_nested_in_the_recipe_location_is_searched_first_and_needs_the_headers() {
        Analysis analysis = analysis(List.of(reset("/ws/feed.json")),
                "    location /ws/ { " + RECIPE,
                "      location ~ \\.json$ { proxy_pass http://other; proxy_set_header X-Format json; }",
                "    }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertEquals(8, finding.line());
        assertTrue(finding.message().contains("searches the locations nested in location /ws/ first"));
        assertEquals(List.of(), finding.changes());
    }

    @Test
    void a_regex_recipe_location_behind_another_regex_is_told_to_move_up() {
        Analysis analysis = analysis(List.of(reset("/socket/chat")),
                "    location ~ ^/(api|socket)/ { proxy_pass http://other; }",
                "    location ~ ^/socket/ { " + RECIPE + " }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertTrue(finding.fix().startsWith("move location ~ ^/socket/ above location ~ ^/(api|socket)/"),
                finding.fix());
    }

    @Test
    void an_upgraded_connection_in_a_location_without_the_recipe_proves_the_routing_changed() {
        Analysis analysis = analysis(List.of(Configs.event(FailureClass.TUNNEL_IDLE_TIMEOUT, "app.test", "GET",
                        "/live/admin/board")),
                "    location /live/ { " + RECIPE + " }",
                "    location /live/admin/ { proxy_pass http://other; proxy_set_header X-Admin 1; }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertEquals(8, finding.line());
        assertTrue(finding.message().contains("prefers an exact match, then the longest prefix"), finding.message());
    }

    @Test
    void plain_requests_through_a_regex_are_not_taken_for_websocket_traffic() {
        Analysis analysis = analysis(List.of(Configs.event(FailureClass.RESET_READING_HEADER, "app.test", "POST",
                        "/ws/v2/upload")),
                "    location /ws/ { " + RECIPE + " }",
                "    location ~ ^/ws/v[0-9]+/ { proxy_pass http://other; }");
        assertEquals(List.of(), new WebSocketUrisServedElsewhere().check(analysis));
    }

    @Test
    void a_catch_all_recipe_location_does_not_claim_the_uris_of_a_static_regex() {
        Analysis analysis = analysis(List.of(reset("/assets/app.js")),
                "    location / { " + RECIPE + " }",
                "    location ~* \\.js$ { proxy_pass http://other; }");
        assertEquals(List.of(), new WebSocketUrisServedElsewhere().check(analysis));
    }

    @Test
    void config_alone_finds_a_regex_that_takes_every_sub_path_of_the_recipe_location() {
        Analysis analysis = analysis(List.of(),
                "    location /socket { " + RECIPE + " }",
                "    location ~ ^/(socket|poll)/ { proxy_pass http://other; }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertEquals("high", finding.severity().label());
        assertTrue(finding.evidence().get(0).startsWith("a request for /socket/x goes to location ~ ^/(socket|poll)/"));
        assertSame(analysis.config().locations().get(0).scope(),
                ((Change.MakePrefixNoRegex) finding.changes().get(0)).location());
    }

    @Test
    void log_lines_confirm_the_config_finding_and_replace_the_probe_in_the_message() {
        Analysis analysis = analysis(List.of(reset("/socket/chat")),
                "    location /socket { " + RECIPE + " }",
                "    location ~ ^/(socket|poll)/ { proxy_pass http://other; }");
        Finding finding = new WebSocketUrisServedElsewhere().check(analysis).get(0);
        assertEquals("critical", finding.severity().label());
        assertTrue(finding.message().startsWith("nginx serves /socket/chat from"), finding.message());
    }
}

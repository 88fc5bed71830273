package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import org.junit.jupiter.api.Test;

class KeepaliveRulesTest {
    private static final String[] POOL_WITHOUT_LOCATION_SETTINGS = {
        "events {}",
        "http {",
        "  upstream app { server 127.0.0.1:3000; keepalive 16; }",
        "  server {",
        "    listen 8080; server_name api.example.test;",
        "    proxy_set_header Host $host;",
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "    location /api/ { proxy_pass http://app; }",
        "    location /ws/ { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; }",
        "  }",
        "}"};

    private static List<Change> changesAt(List<Finding> findings, int line) {
        return findings.stream().filter(f -> f.line() == line).findFirst().orElseThrow().changes();
    }

    private static List<String> headerArgs(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof Change.AddDirective).map(c -> (Change.AddDirective) c)
                .map(a -> String.join(" ", a.args()) + (a.replace() ? " (upsert)" : " (if absent)")).toList();
    }

    @Test
    void a_plain_location_gets_http11_and_an_empty_connection_header_with_its_inherited_headers_repeated() {
        List<Finding> findings = Analyses.of(POOL_WITHOUT_LOCATION_SETTINGS).check(new KeepalivePoolUnused());
        List<Change> changes = changesAt(findings, 8);
        assertTrue(changes.stream().anyMatch(c -> c instanceof Change.SetDirective s
                && s.name().equals("proxy_http_version") && s.args().equals(List.of("1.1"))));
        assertEquals(List.of("Host $host (if absent)", "X-Forwarded-For $proxy_add_x_forwarded_for (if absent)",
                "Connection \"\" (upsert)"), headerArgs(changes));
    }

    @Test
    void a_websocket_location_gets_connection_from_the_upgrade_map_never_a_literal_empty_value() {
        List<Finding> findings = Analyses.of(POOL_WITHOUT_LOCATION_SETTINGS).check(new KeepalivePoolUnused());
        List<Change> changes = changesAt(findings, 9);
        assertTrue(changes.contains(new Change.EnsureUpgradeMap("$connection_upgrade", "\"\"")));
        assertEquals(List.of("Connection $connection_upgrade (upsert)"), headerArgs(changes));
        assertTrue(changes.stream().noneMatch(c -> c instanceof Change.SetDirective));
    }

    @Test
    void the_hardened_locations_no_longer_fire() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  map $http_upgrade $connection_upgrade { default upgrade; '' \"\"; }",
                "  upstream app { server 127.0.0.1:3000; keepalive 16; }",
                "  server {",
                "    listen 8080; server_name api.example.test;",
                "    location /api/ { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection \"\"; }",
                "    location /ws/ { proxy_pass http://app; proxy_http_version 1.1;",
                "      proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }",
                "  }",
                "}").check(new KeepalivePoolUnused());
        assertEquals(List.of(), findings);
    }

    @Test
    void from_1_29_7_only_an_explicit_http10_or_connection_close_defeats_an_explicit_pool() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:3000; keepalive 16; }",
                "  server {",
                "    listen 8080; server_name api.example.test;",
                "    location /a/ { proxy_pass http://app; }",
                "    location /b/ { proxy_pass http://app; proxy_http_version 1.0; }",
                "    location /c/ { proxy_pass http://app; proxy_set_header Connection close; }",
                "  }",
                "}").version("1.29.7").check(new KeepalivePoolUnused());
        assertEquals(List.of(7, 8), findings.stream().map(Finding::line).toList());
    }

    @Test
    void a_map_sending_close_to_plain_requests_is_left_to_ws08() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  map $http_upgrade $connection_upgrade { default upgrade; '' close; }",
                "  upstream app { server 127.0.0.1:3000; keepalive 16; }",
                "  server {",
                "    listen 8080; server_name api.example.test;",
                "    location /ws/ { proxy_pass http://app; proxy_http_version 1.1;",
                "      proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }",
                "  }",
                "}").check(new KeepalivePoolUnused());
        assertEquals(List.of(), findings);
    }

    @Test
    void safe_keepalive_timeouts_stay_strictly_below_the_backend() {
        assertEquals(Duration.ofSeconds(4), idle(Duration.ofSeconds(5)).safeNginxTimeout());
        assertEquals(Duration.ofSeconds(1), idle(Duration.ofSeconds(2)).safeNginxTimeout());
        assertEquals(Duration.ofMillis(750), idle(Duration.ofMillis(1500)).safeNginxTimeout());
        assertEquals(Duration.ofSeconds(60), idle(Duration.ofSeconds(75)).safeNginxTimeout());
        assertEquals(null, idle(Duration.ZERO).safeNginxTimeout());
        for (long ms = 2; ms < 200_000; ms += 997) {
            Duration backend = Duration.ofMillis(ms);
            assertTrue(idle(backend).safeNginxTimeout().compareTo(backend) < 0, backend.toString());
        }
    }

    private static BackendIdle idle(Duration d) {
        return new BackendIdle(d, "app", "test");
    }

    @Test
    void the_client_keepalive_timeout_of_the_http_block_is_not_the_upstreams() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  keepalive_timeout 3s;",
                "  upstream app { server 127.0.0.1:3000; keepalive 16; }",
                "  server { listen 8080; location / { proxy_pass http://app; } }",
                "}").backendIdle("app", Duration.ofSeconds(5)).check(new KeepaliveOutlivesBackend());
        assertEquals(1, findings.size());
        assertEquals("keepalive_timeout 60s (default)", findings.get(0).effective());
    }

    @Test
    void ka02_accepts_its_own_proposal_and_matches_servers_by_address() {
        String[] config = {
            "events {}",
            "http {",
            "  upstream app { server 127.0.0.1:3000; keepalive 16; keepalive_timeout 4s; }",
            "  server { listen 8080; location / { proxy_pass http://app; } }",
            "}"};
        assertEquals(List.of(), Analyses.of(config).backendIdle("127.0.0.1:3000", Duration.ofSeconds(5))
                .check(new KeepaliveOutlivesBackend()));
        assertEquals(1, Analyses.of(config).backendIdle("127.0.0.1:3000", Duration.ofSeconds(4))
                .check(new KeepaliveOutlivesBackend()).size());
    }

    @Test
    void ka04_keeps_the_new_pool_below_a_known_backend_idle_timeout_and_raises_on_port_exhaustion() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:3000; keepalive_requests 20000; }",
                "  server { listen 8080; server_name api.example.test; location / { proxy_pass http://app; } }",
                "}").backendIdle("app", Duration.ofSeconds(5))
                .event(FailureClass.CONNECT_FAILED, "GET", "/", "http://127.0.0.1:3000/",
                        "2026/11/23 10:00:01 [crit] 77#77: *9 connect() to 127.0.0.1:3000 failed (99: Cannot assign"
                                + " requested address) while connecting to upstream, client: 192.0.2.1, server:"
                                + " api.example.test, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:3000/\","
                                + " host: \"api.example.test\"")
                .check(new NoKeepalivePool());
        Finding finding = findings.get(0);
        assertEquals(Severity.MEDIUM, finding.severity());
        List<String> upstreamEdits = finding.changes().stream().filter(c -> c instanceof Change.SetDirective s
                && s.scope().block().name().equals("upstream")).map(c -> (Change.SetDirective) c)
                .map(s -> s.name() + " " + String.join(" ", s.args())).toList();
        assertEquals(List.of("keepalive 64", "keepalive_timeout 4s"), upstreamEdits);
    }

    @Test
    void ka04_hardened_result_fires_none_of_the_keepalive_rules() {
        Analyses hardened = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:3000; keepalive 64; keepalive_requests 10000; keepalive_timeout 4s; }",
                "  server { listen 8080; location / { proxy_pass http://app; proxy_http_version 1.1;",
                "    proxy_set_header Connection \"\"; } }",
                "}").backendIdle("app", Duration.ofSeconds(5));
        assertEquals(List.of(), hardened.check(new NoKeepalivePool()));
        assertEquals(List.of(), hardened.check(new KeepalivePoolUnused()));
        assertEquals(List.of(), hardened.check(new KeepaliveOutlivesBackend()));
    }

    @Test
    void ka03_is_silent_once_the_backend_idle_timeout_is_known() {
        String[] config = {
            "events {}",
            "http {",
            "  upstream app { server 127.0.0.1:3000; }",
            "  server { listen 8080; location / { proxy_pass http://app; } }",
            "}"};
        assertEquals(1, Analyses.of(config).version("1.29.7").check(new ImplicitKeepaliveUnreviewed()).size());
        assertEquals(List.of(), Analyses.of(config).version("1.29.7").backendIdle("app", Duration.ofSeconds(120))
                .check(new ImplicitKeepaliveUnreviewed()));
    }
}

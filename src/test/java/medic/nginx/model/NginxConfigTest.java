package medic.nginx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NginxConfigTest {
    private static final String CONFIG = String.join("\n",
            "events { worker_connections 2048; }",
            "http {",
            "  proxy_read_timeout 120s;",
            "  proxy_set_header Host $host;",
            "  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "  upstream app { server 10.0.0.1:8080 max_fails=3; server 10.0.0.2:8080 backup; keepalive 16; }",
            "  server {",
            "    listen 8080 default_server;",
            "    server_name one.example *.one.example;",
            "    proxy_set_header Upgrade $http_upgrade;",
            "    location /a/ { proxy_pass http://app; }",
            "    location /b/ { proxy_pass http://127.0.0.1:9000/x; proxy_set_header X-Only yes; proxy_read_timeout 5s; }",
            "  }",
            "  server { listen 8080; server_name two.example; location / { proxy_pass http://app:8080; } }",
            "}",
            "");

    private final NginxConfig model = LocationMatcherTest.model(CONFIG);

    private Location at(String uri) {
        return model.locationForLogLine("one.example", "one.example", uri).orElseThrow();
    }

    @Test
    void regex_locations_java_cannot_read_are_listed_in_file_order() {
        NginxConfig branchResets = LocationMatcherTest.model(String.join("\n",
                "http {",
                "  server { location ~ ^/(?|a|b)/ { return 200; } location ~ ^/ok/ { return 200; } }",
                "  server { location / { location ~* ^/(?|c|d)/ { return 200; } } }",
                "}"));
        assertEquals(List.of("^/(?|a|b)/", "^/(?|c|d)/"),
                branchResets.unreadableRegexLocations().stream().map(Location::pattern).toList());
        assertTrue(model.unreadableRegexLocations().isEmpty());
    }

    @Test
    void directives_inherit_from_the_nearest_level_that_sets_them() {
        assertEquals("120s", model.effective(at("/a/x"), "proxy_read_timeout").value());
        assertEquals("5s", model.effective(at("/b/x"), "proxy_read_timeout").value());
        assertTrue(model.effective(at("/a/x"), "proxy_send_timeout").isDefault());
        assertEquals("60s", model.effective(at("/a/x"), "proxy_send_timeout").value());
    }

    @Test
    void defaults_follow_the_nginx_version() {
        assertEquals("1.0", model.effective(at("/a/x"), "proxy_http_version").value());
        NginxConfig newer = NginxConfig.of(model.tree(), NginxVersion.parse("nginx version: nginx/1.29.7"));
        Location a = newer.locationForLogLine("one.example", null, "/a/").orElseThrow();
        assertEquals("1.1", newer.effective(a, "proxy_http_version").value());
        assertFalse(model.versionKnown());
    }

    @Test
    void one_local_proxy_set_header_drops_every_outer_one() {
        HeaderSet b = model.headers(at("/b/x"));
        assertTrue(b.has("x-only"));
        assertFalse(b.has("Host"));
        assertEquals(List.of("Upgrade"), b.droppedWithoutReplacement().stream().map(d -> d.arg(0)).toList());
        HeaderSet a = model.headers(at("/a/x"));
        assertTrue(a.has("upgrade"));
        assertFalse(a.has("host"), "server-level line hides the http-level Host");
    }

    @Test
    void proxy_pass_resolves_named_and_implicit_upstreams() {
        Upstream app = model.upstreamOf(at("/a/x")).orElseThrow();
        assertEquals("app", app.name());
        assertEquals(1, app.primaryServers().size());
        assertTrue(app.hasBackup());
        assertEquals("16", app.directive("keepalive").arg(0));
        Upstream implicit = model.upstreamOf(at("/b/x")).orElseThrow();
        assertTrue(implicit.isImplicit());
        assertEquals("127.0.0.1:9000", implicit.name());
        Location two = model.locationForLogLine("two.example", null, "/").orElseThrow();
        assertTrue(model.upstreamOf(two).orElseThrow().isImplicit(), "a port never matches an upstream block");
    }

    @Test
    void server_selection_follows_names_then_default() {
        assertEquals("one.example", ServerSelector.select(model.servers(), "x.one.example", 8080).orElseThrow().primaryName());
        assertEquals("two.example", ServerSelector.select(model.servers(), "TWO.example:8080", 8080).orElseThrow().primaryName());
        assertEquals("one.example", ServerSelector.select(model.servers(), "unknown", 8080).orElseThrow().primaryName());
        assertTrue(ServerSelector.select(model.servers(), "one.example", 9999).isEmpty());
    }

    @Test
    void global_directives_come_from_main_and_events() {
        assertEquals("2048", model.global("worker_connections").value());
        assertEquals("1", model.global("worker_processes").value());
        assertNull(model.global("worker_processes").source());
    }

    @Test
    void version_parser_reads_nginx_and_openresty() {
        assertEquals("1.22.1", NginxVersion.parse("nginx version: nginx/1.22.1\n").toString());
        assertEquals("1.25.3", NginxVersion.parse("nginx version: openresty/1.25.3.1").toString());
        assertEquals("1.29.7", NginxVersion.parse("1.29.7").toString());
    }
}

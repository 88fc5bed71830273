package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Upstream;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
    @Test
    void restoring_retries_keeps_the_operators_extra_conditions() {
        assertEquals(List.of("error", "timeout"), RetriesDisabled.restored(List.of("off")));
        assertEquals(List.of("error", "timeout", "http_502"), RetriesDisabled.restored(List.of("timeout", "http_502")));
        assertEquals(List.of("error", "timeout", "invalid_header"),
                RetriesDisabled.restored(List.of("error", "invalid_header")));
        assertTrue(RetriesDisabled.retries(List.of("error", "timeout", "http_503")));
        assertFalse(RetriesDisabled.retries(List.of("error")));
    }

    @Test
    void an_inherited_proxy_next_upstream_is_one_finding_fixed_where_it_is_written() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  server {",
                "    listen 8080;",
                "    proxy_next_upstream off;",
                "    location /a/ { proxy_pass http://127.0.0.1:9001; }",
                "    location /b/ { proxy_pass http://127.0.0.1:9002; }",
                "  }",
                "}").check(new RetriesDisabled());
        assertEquals(1, findings.size());
        Change.SetDirective set = (Change.SetDirective) findings.get(0).changes().get(0);
        assertEquals("server", set.scope().block().name());
        assertEquals(List.of("error", "timeout"), set.args());
    }

    @Test
    void max_fails_fix_keeps_an_operators_fail_timeout_and_skips_down_and_disabled_accounting() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  upstream app {",
                "    server 127.0.0.1:9001 max_fails=0;",
                "    server 127.0.0.1:9002 fail_timeout=5s;",
                "    server 127.0.0.1:9003;",
                "    server 127.0.0.1:9004 down;",
                "  }",
                "  server { listen 8080; location / { proxy_pass http://app; } }",
                "}").check(new DefaultMaxFails());
        assertEquals(3, findings.get(0).line(), "max_fails is left at its default: the upstream block gets the fix");
        List<String> edits = findings.get(0).changes().stream().map(c -> (Change.SetServerParam) c)
                .map(p -> p.server().address() + " " + p.param() + "=" + p.value()).toList();
        assertEquals(List.of("127.0.0.1:9002 max_fails=3", "127.0.0.1:9003 max_fails=3",
                "127.0.0.1:9003 fail_timeout=30s"), edits);
    }

    @Test
    void a_lone_server_with_a_down_sibling_is_not_a_failover_group() {
        String[] config = {
            "events {}",
            "http {",
            "  upstream app { server 127.0.0.1:9001; server 127.0.0.1:9002 down; }",
            "  server { listen 8080; location / { proxy_pass http://app; } }",
            "}"};
        assertEquals(List.of(), Analyses.of(config).check(new DefaultMaxFails()));
        assertEquals(1, Analyses.of(config).check(new SingleServerUpstream()).size());
    }

    @Test
    void non_idempotent_resets_are_raised_from_ten_failed_requests() {
        Analyses analyses = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:3000; keepalive 8; }",
                "  server { listen 8080; server_name api.example.test; location / { proxy_pass http://app; } }",
                "}");
        for (int i = 0; i < 9; i++) {
            analyses.event(FailureClass.RESET_READING_HEADER, "POST", "/orders", "http://127.0.0.1:3000/orders",
                    "line " + i);
        }
        assertEquals(Severity.MEDIUM, analyses.check(new NonIdempotentResets()).get(0).severity());
        analyses.event(FailureClass.RESET_SENDING_REQUEST, "PATCH", "/orders/1", "http://127.0.0.1:3000/orders/1", "x");
        assertEquals(Severity.HIGH, analyses.check(new NonIdempotentResets()).get(0).severity());
    }

    @Test
    void non_idempotent_resets_are_one_finding_at_the_pooled_upstream_naming_every_location() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:3000; keepalive 8; }",
                "  server { listen 8080; server_name api.example.test;",
                "    location /orders/ { proxy_pass http://app; }",
                "    location /carts/ { proxy_pass http://app; }",
                "    location /safe/ { proxy_pass http://app; proxy_next_upstream error timeout non_idempotent; }",
                "  }",
                "}")
                .event(FailureClass.RESET_READING_HEADER, "POST", "/orders/", "http://127.0.0.1:3000/orders/", "a")
                .event(FailureClass.PREMATURELY_CLOSED, "PATCH", "/carts/1", "http://127.0.0.1:3000/carts/1", "b")
                .event(FailureClass.RESET_READING_HEADER, "POST", "/safe/x", "http://127.0.0.1:3000/safe/x", "c")
                .check(new NonIdempotentResets());
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).line());
        assertTrue(findings.get(0).message().startsWith("2 POST/PATCH request(s) through location /orders/,"
                + " location /carts/ failed"), findings.get(0).message());
    }

    @Test
    void log_lines_name_an_upstream_by_group_or_exact_server_address() {
        Analysis analysis = Analyses.of(
                "events {}",
                "http {",
                "  upstream app { server 127.0.0.1:8080; server 10.0.0.5; server unix:/run/app.sock; }",
                "  server { listen 8080; location / { proxy_pass http://app; } }",
                "}").analysis();
        Upstream app = analysis.config().upstreams().get("app");
        assertTrue(UpstreamLog.names("http://127.0.0.1:8080/ws/live-feed", app));
        assertFalse(UpstreamLog.names("http://127.0.0.1:80/", app));
        assertTrue(UpstreamLog.names("http://10.0.0.5:80/x", app));
        assertTrue(UpstreamLog.names("http://app/ws/", app));
        assertTrue(UpstreamLog.names("http://unix:/run/app.sock:/ws/", app));
        assertFalse(UpstreamLog.names("http://application/ws/", app));
    }

    @Test
    void an_inherited_connect_timeout_is_lowered_where_it_is_written_and_ten_seconds_passes() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  proxy_connect_timeout 1m;",
                "  upstream app { server 127.0.0.1:9001; server 127.0.0.1:9002; }",
                "  server { listen 8080;",
                "    location /a/ { proxy_pass http://app; }",
                "    location /b/ { proxy_pass http://app; }",
                "    location /c/ { proxy_pass http://app; proxy_connect_timeout 10s; }",
                "  }",
                "}").check(new SlowConnectTimeout());
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).line());
        assertEquals("http", ((Change.SetDirective) findings.get(0).changes().get(0)).scope().block().name());
    }

    @Test
    void a_slow_connect_timeout_matters_only_where_there_is_a_next_peer_to_try() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  upstream one { server 127.0.0.1:9001; }",
                "  upstream spare { server 127.0.0.1:9001; server 127.0.0.1:9002 backup; }",
                "  upstream drained { server 127.0.0.1:9001; server 127.0.0.1:9002 down; }",
                "  upstream named { server app.internal:9001; }",
                "  server { listen 8080;",
                "    location /one/ { proxy_pass http://one; }",
                "    location /spare/ { proxy_pass http://spare; }",
                "    location /drained/ { proxy_pass http://drained; }",
                "    location /named/ { proxy_pass http://named; }",
                "    location /literal/ { proxy_pass http://127.0.0.1:9003; }",
                "    location /host/ { proxy_pass http://localhost:9003; }",
                "    location /var/ { proxy_pass http://$arg_backend; }",
                "  }",
                "}").check(new SlowConnectTimeout());
        assertEquals(List.of(9, 11, 13), findings.stream().map(Finding::line).toList());
        assertTrue(findings.get(0).message().contains("the next server of upstream spare"), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("the next address app.internal resolves to"));
        assertTrue(findings.get(2).message().contains("the next address localhost resolves to"));
    }
}

package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.log.FailureClass;
import org.junit.jupiter.api.Test;

class CapacityLoggingRulesTest {
    private static String[] workers(String processes, String connections, String rlimit) {
        return new String[] {
            "worker_processes " + processes + ";",
            rlimit == null ? "" : "worker_rlimit_nofile " + rlimit + ";",
            "events { worker_connections " + connections + "; }",
            "http { server { listen 8080; location /ws/ { proxy_pass http://127.0.0.1:9001; } } }"};
    }

    private static List<String> edits(Finding finding) {
        return finding.changes().stream().map(c -> (Change.SetDirective) c)
                .map(s -> s.name() + " " + String.join(" ", s.args())).toList();
    }

    @Test
    void worker_connections_are_raised_per_worker_with_headroom_and_the_raise_satisfies_the_rule() {
        List<Finding> findings = Analyses.of(workers("4", "1024", null)).expectedTunnels(10000)
                .check(new WorkerConnectionsTooFew());
        assertEquals(List.of("worker_connections 7168", "worker_rlimit_nofile 14336"), edits(findings.get(0)));
        assertEquals(List.of(), Analyses.of(workers("4", "7168", "14336")).expectedTunnels(10000)
                .check(new WorkerConnectionsTooFew()));
    }

    @Test
    void a_sufficient_rlimit_is_left_alone() {
        List<Finding> findings = Analyses.of(workers("1", "512", "100000")).expectedTunnels(1000)
                .check(new WorkerConnectionsTooFew());
        assertEquals(List.of("worker_connections 3072"), edits(findings.get(0)));
    }

    @Test
    void a_log_written_before_the_last_raise_is_not_evidence() {
        String line = "2026/11/23 18:01:56 [alert] 4410#4410: 1024 worker_connections are not enough";
        assertEquals(1, Analyses.of(workers("1", "1024", null))
                .event(FailureClass.WORKER_CONNECTIONS, null, null, null, line).check(new WorkerConnectionsTooFew()).size());
        assertEquals(List.of(), Analyses.of(workers("1", "2048", null))
                .event(FailureClass.WORKER_CONNECTIONS, null, null, null, line).check(new WorkerConnectionsTooFew()));
    }

    @Test
    void an_info_error_log_in_the_websocket_server_overrides_a_quiet_main_one() {
        String[] config = {
            "error_log logs/error.log warn;",
            "events {}",
            "http {",
            "  log_format up '$remote_addr ${upstream_status} $upstream_addr';",
            "  access_log logs/access.log up;",
            "  server { listen 8080; %s",
            "    location /ws/ { proxy_pass http://127.0.0.1:9001; }",
            "  }",
            "}"};
        String[] quiet = config.clone();
        quiet[5] = String.format(config[5], "");
        String[] verbose = config.clone();
        verbose[5] = String.format(config[5], "error_log logs/ws.log info;");
        List<Finding> findings = Analyses.of(quiet).check(new LogsHideUpstreamTrouble());
        assertEquals(List.of(1), findings.stream().map(Finding::line).toList());
        assertEquals(List.of(), Analyses.of(verbose).check(new LogsHideUpstreamTrouble()));
    }

    @Test
    void access_log_off_is_a_choice_and_a_second_log_with_upstream_fields_is_enough() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  log_format up '$remote_addr $upstream_status $upstream_addr';",
                "  server { listen 8080;",
                "    location /a/ { access_log off; proxy_pass http://127.0.0.1:9001; }",
                "    location /b/ { access_log logs/b.log; access_log logs/b-up.log up; proxy_pass http://127.0.0.1:9002; }",
                "  }",
                "}").check(new LogsHideUpstreamTrouble());
        assertEquals(List.of(), findings);
    }

    @Test
    void hostname_advice_follows_the_nginx_version() {
        String[] config = {
            "events {}",
            "http {",
            "  upstream app { server backend.internal:9001; }",
            "  server { listen 8080; location / { proxy_pass http://app; } }",
            "}"};
        String recent = Analyses.of(config).version("1.27.3").check(new HostnameResolvedOnce()).get(0).fix();
        String older = Analyses.of(config).version("1.26.2").check(new HostnameResolvedOnce()).get(0).fix();
        assertTrue(recent.startsWith("add `resolve`"), recent);
        assertFalse(recent.contains("proxy_pass http://$backend"), recent);
        assertTrue(older.contains("predates `resolve`") && older.contains("proxy_pass http://$backend"), older);
        assertTrue(HostnameResolvedOnce.isHostname("backend.internal"));
        assertFalse(HostnameResolvedOnce.isHostname("10.1.2.3"));
        assertFalse(HostnameResolvedOnce.isHostname("localhost"));
        assertFalse(HostnameResolvedOnce.isHostname("unix:/run/app.sock"));
    }

    @Test
    void a_server_that_already_re_resolves_is_left_alone() {
        List<Finding> findings = Analyses.of(
                "events {}",
                "http {",
                "  resolver 10.0.0.2;",
                "  upstream app { zone app 64k; server backend.internal:9001 resolve; }",
                "  server { listen 8080; location / { proxy_pass http://app; } }",
                "}").version("1.27.3").check(new HostnameResolvedOnce());
        assertEquals(List.of(), findings);
    }

    /** Each expected set was checked with Debian's nginx 1.22.1 (`nginx -t`), the failing originals too. */
    @Test
    void raising_the_header_buffer_keeps_the_buffer_set_loadable() {
        assertEquals(Map.of("proxy_buffer_size", "16k", "proxy_busy_buffers_size", "28k"), raised(""));
        assertEquals(Map.of("proxy_buffer_size", "16k", "proxy_buffers", "9 4k"), raised("proxy_buffers 2 4k;"));
        assertEquals(Map.of("proxy_buffer_size", "16k"), raised("proxy_buffers 16 8k;"));
        assertEquals(Map.of("proxy_buffer_size", "16k", "proxy_busy_buffers_size", "28k"),
                raised("proxy_busy_buffers_size 8k;"));
        assertEquals(Map.of("proxy_buffer_size", "16k", "proxy_busy_buffers_size", "28k",
                "proxy_temp_file_write_size", "32k", "proxy_max_temp_file_size", "16k"),
                raised("proxy_temp_file_write_size 8k; proxy_max_temp_file_size 8k;"));
    }

    private static Map<String, String> raised(String directives) {
        var analysis = Analyses.of("events {}", "http { server { listen 8080; location / {",
                "  proxy_pass http://127.0.0.1:9001; " + directives, "} } }").analysis();
        var location = analysis.config().locations().get(0);
        return ProxyBuffers.at(analysis.config(), location).raisedTo(ResponseHeaderBufferTooSmall.WANTED);
    }

    @Test
    void sizes_read_and_print_as_nginx_writes_them() {
        assertEquals(16384L, ProxyBuffers.parse("16k"));
        assertEquals(8192L, ProxyBuffers.parse("8192"));
        assertEquals(1048576L, ProxyBuffers.parse("1M"));
        assertEquals(null, ProxyBuffers.parse("4k|8k"));
        assertEquals("28k", ProxyBuffers.format(28672));
        assertEquals("1m", ProxyBuffers.format(1048576));
    }
}

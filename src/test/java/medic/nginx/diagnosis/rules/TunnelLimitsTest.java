package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WS06, WS09, WS10, NW01, RL01: the limits and timers a long-lived tunnel runs into. */
class TunnelLimitsTest {
    private static Analysis ws(String version, String httpLevel, String locationBody) {
        return Configs.analysis(version, List.of(),
                "events {}",
                "http {",
                "  " + httpLevel,
                "  upstream rt { server 127.0.0.1:9001; }",
                "  server { listen 8080; server_name rt.test;",
                "    location /ws/ { proxy_pass http://rt; proxy_set_header Upgrade $http_upgrade;",
                "      proxy_set_header Connection upgrade; " + locationBody + " }",
                "    location /api/ { proxy_pass http://rt; }",
                "  }",
                "}");
    }

    private static Analysis ws(String locationBody) {
        return ws(null, "", locationBody);
    }

    @ParameterizedTest(name = "proxy_read_timeout {0} -> {1} finding(s)")
    @CsvSource({"60s, 1", "599s, 1", "9m59s, 1", "10m, 0", "600, 0", "1h, 0", "3600s, 0"})
    void ws06_wants_at_least_ten_minutes_of_tunnel_silence(String timeout, int findings) {
        assertEquals(findings, new TunnelReadTimeoutTooShort().check(ws("proxy_read_timeout " + timeout + ";")).size());
    }

    @Test
    void ws06_points_at_the_location_when_the_default_applies_and_sets_an_hour_there() {
        Analysis analysis = ws("");
        Finding finding = new TunnelReadTimeoutTooShort().check(analysis).get(0);
        assertEquals(6, finding.line(), "only /ws/ carries tunnels");
        assertEquals("proxy_read_timeout 60s (default)", finding.effective());
        assertEquals(new Change.SetDirective(analysis.config().locations().get(0).scope(), "proxy_read_timeout",
                List.of("3600s")), finding.changes().get(0));
        assertTrue(finding.fix().contains("pings"), finding.fix());
    }

    @Test
    void ws09_restores_a_short_send_timeout_to_the_nginx_default_and_raises_proxy_send_timeout() {
        List<Finding> found = new TunnelSendTimeoutTooShort().check(ws(null, "send_timeout 15s;", ""));
        assertEquals(List.of(6, 3), found.stream().map(Finding::line).toList());
        assertEquals(List.of("3600s"), ((Change.SetDirective) found.get(0).changes().get(0)).args());
        Change.SetDirective client = (Change.SetDirective) found.get(1).changes().get(0);
        assertEquals("send_timeout", client.name());
        assertEquals(List.of("60s"), client.args());
    }

    @Test
    void ws10_pins_proxy_cache_off_beside_proxy_buffering_off() {
        Finding finding = new BufferingOnStreamingLocation().check(ws("")).get(0);
        assertEquals(List.of("proxy_buffering", "proxy_cache"),
                finding.changes().stream().map(c -> ((Change.SetDirective) c).name()).toList());
        Finding cacheAlreadyOff = new BufferingOnStreamingLocation().check(ws("proxy_cache off;")).get(0);
        assertEquals(1, cacheAlreadyOff.changes().size());
        assertEquals(List.of(), new BufferingOnStreamingLocation().check(ws("proxy_buffering off;")));
    }

    @Test
    void nw01_is_silent_on_an_nginx_without_proxy_socket_keepalive() {
        assertEquals(List.of(), new TunnelWithoutTcpKeepalive().check(ws("1.14.2", "", "")));
        assertEquals(1, new TunnelWithoutTcpKeepalive().check(ws("1.15.6", "", "")).size());
    }

    @Test
    void rl01_reuses_an_existing_per_address_zone() {
        Finding finding = new WebSocketWithoutConnectionLimit()
                .check(ws(null, "limit_conn_zone $binary_remote_addr zone=perip:20m;", "")).get(0);
        assertEquals(new Change.EnsureHttpDirective("limit_conn_zone",
                List.of("$binary_remote_addr", "zone=perip:20m"), 2), finding.changes().get(0));
        assertEquals(List.of("perip", "50"), ((Change.AddDirective) finding.changes().get(1)).args());
    }

    @Test
    void rl01_reuses_a_ws_conn_zone_of_another_size_rather_than_declare_it_twice() {
        Finding finding = new WebSocketWithoutConnectionLimit()
                .check(ws(null, "limit_conn_zone $http_x_client_id zone=ws_conn_zone:1m;", "")).get(0);
        assertEquals(List.of("$http_x_client_id", "zone=ws_conn_zone:1m"),
                ((Change.EnsureHttpDirective) finding.changes().get(0)).args());
    }

    @Test
    void rl01_counts_limit_req_inherited_from_http() {
        Analysis analysis = ws(null, "limit_req_zone $binary_remote_addr zone=r:1m rate=1r/s; limit_req zone=r;", "");
        assertEquals(List.of(), new WebSocketWithoutConnectionLimit().check(analysis));
    }
}

package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Change.AddDirective;
import medic.nginx.diagnosis.Change.SetDirective;
import medic.nginx.diagnosis.Change.SetServerParam;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;
import org.junit.jupiter.api.Test;

/** The seed incident's config hardened with the changes the catalogue's rules ask for (BRIEF s.5). */
class SeedHardeningTest {
    static final Path SEED = Path.of("src/test/resources/harden/seed");

    private final NginxConfig config = load(SEED);

    static NginxConfig load(Path dir) {
        return NginxConfig.of(DiskConfigSource.load(dir.resolve("nginx.conf"), null), null);
    }

    /** The findings the rules give for the seed, each with the changes of its fix (BRIEF s.4 and s.5). */
    static List<Finding> findings(NginxConfig config) {
        Location ws = config.locations().stream().filter(l -> l.pattern().equals("/ws/")).findFirst().orElseThrow();
        Scope at = ws.scope();
        Upstream pool = config.upstreams().get("ws_upstream");
        List<Change> params = pool.servers().stream().flatMap(s -> List.<Change>of(
                new SetServerParam(s, "max_fails", "3"), new SetServerParam(s, "fail_timeout", "30s")).stream()).toList();
        return List.of(
                finding("WS01", Severity.HIGH, new Change.EnsureUpgradeMap("$connection_upgrade", "\"\""),
                        AddDirective.upsert(at, "proxy_set_header", List.of("Upgrade", "$http_upgrade"), 1),
                        AddDirective.upsert(at, "proxy_set_header", List.of("Connection", "$connection_upgrade"), 1),
                        AddDirective.ifAbsent(at, "proxy_set_header", List.of("Host", "$host"), 1),
                        AddDirective.ifAbsent(at, "proxy_set_header", List.of("X-Real-IP", "$remote_addr"), 1),
                        AddDirective.ifAbsent(at, "proxy_set_header",
                                List.of("X-Forwarded-For", "$proxy_add_x_forwarded_for"), 1)),
                finding("WS02", Severity.HIGH, new SetDirective(at, "proxy_http_version", List.of("1.1"))),
                finding("RL01", Severity.MEDIUM, new Change.EnsureHttpDirective("limit_conn_zone",
                                List.of("$binary_remote_addr", "zone=ws_conn_zone:10m"), 1),
                        AddDirective.upsert(at, "limit_conn", List.of("ws_conn_zone", "50"), 1)),
                finding("RT04", Severity.MEDIUM, params.toArray(Change[]::new)),
                finding("WS06", Severity.MEDIUM, new SetDirective(at, "proxy_read_timeout", List.of("3600s"))),
                finding("KA04", Severity.LOW, new SetDirective(pool.scope(), "keepalive", List.of("64")),
                        new SetDirective(pool.scope(), "keepalive_requests", List.of("10000")),
                        new SetDirective(pool.scope(), "keepalive_timeout", List.of("75s"))),
                finding("NW01", Severity.LOW, new SetDirective(at, "proxy_socket_keepalive", List.of("on"))),
                finding("TO01", Severity.LOW, new SetDirective(at, "proxy_connect_timeout", List.of("10s"))),
                finding("WS09", Severity.LOW, new SetDirective(at, "proxy_send_timeout", List.of("3600s"))),
                finding("WS10", Severity.LOW, new SetDirective(at, "proxy_buffering", List.of("off")),
                        new SetDirective(at, "proxy_cache", List.of("off"))),
                new Finding("KA02", Severity.HIGH, "nginx.conf", 18, "backend idle timeout", "advice only", null,
                        null, List.of(), "server.keepAliveTimeout > 75s", List.of()));
    }

    private static Finding finding(String rule, Severity severity, Change... changes) {
        return new Finding(rule, severity, "nginx.conf", 27, rule, "", null, null, List.of(), "", List.of(changes));
    }

    @Test
    void the_hardened_seed_has_every_value_of_the_target_config() {
        Proposal proposal = Hardener.propose(config, findings(config));
        NginxConfig hardened = Hardener.hardened(config, proposal);
        Location ws = Configs.location(hardened, "/ws/");
        Map<String, String> expected = Map.of("proxy_http_version", "1.1", "proxy_read_timeout", "3600s",
                "proxy_send_timeout", "3600s", "proxy_connect_timeout", "10s", "proxy_buffering", "off",
                "proxy_cache", "off", "proxy_socket_keepalive", "on", "limit_conn", "ws_conn_zone 50");
        expected.forEach((name, value) -> assertEquals(value, hardened.effective(ws, name).value(), name));
        HeaderSet headers = hardened.headers(ws);
        assertEquals("$http_upgrade", headers.value("Upgrade"));
        assertEquals("$connection_upgrade", headers.value("Connection"));
        assertEquals("$host", headers.value("Host"));
        assertEquals("$remote_addr", headers.value("X-Real-IP"));
        assertEquals("$proxy_add_x_forwarded_for", headers.value("X-Forwarded-For"));
        UpgradeMap map = UpgradeMap.find(hardened);
        assertNotNull(map);
        assertEquals("$connection_upgrade", map.variable());
        assertEquals("", map.emptyValue());
        assertEquals(List.of("$binary_remote_addr", "zone=ws_conn_zone:10m"),
                hardened.http().find("limit_conn_zone").args());
        Upstream pool = hardened.upstreams().get("ws_upstream");
        for (UpstreamServer server : pool.servers()) {
            assertEquals("3", server.param("max_fails"), server.address());
            assertEquals("30s", server.param("fail_timeout"), server.address());
        }
        assertEquals(List.of("64"), pool.directive("keepalive").args());
        assertEquals(List.of("10000"), pool.directive("keepalive_requests").args());
        assertEquals(List.of("75s"), pool.directive("keepalive_timeout").args());
        Location root = Configs.location(hardened, "/");
        assertTrue(hardened.effective(root, "proxy_read_timeout").isDefault(), "other locations are left alone");
        assertFalse(proposal.findings().stream().anyMatch(f -> f.rule().equals("KA02")), "advice-only is not a change");
        assertEquals(10, proposal.findings().size());
    }

    @Test
    void the_hardened_seed_passes_nginx_t() throws IOException {
        Proposal proposal = Hardener.propose(config, findings(config));
        Path dir = RealTools.copy(SEED);
        RealTools.write(dir, proposal);
        RealTools.Run run = RealTools.nginxTest(dir.resolve("nginx.conf"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("test is successful"), run.output());
    }

    @Test
    void the_diff_applies_with_patch_from_the_base_directory_and_gives_the_hardened_text() throws IOException {
        Proposal proposal = Hardener.propose(config, findings(config));
        Path dir = RealTools.copy(SEED);
        RealTools.Run dry = RealTools.patch(dir, proposal.unifiedDiff(), "--dry-run");
        assertEquals(0, dry.exit(), dry.output());
        RealTools.Run real = RealTools.patch(dir, proposal.unifiedDiff());
        assertEquals(0, real.exit(), real.output());
        assertEquals(proposal.files().get(0).after(), Files.readString(dir.resolve("nginx.conf")));
    }

    @Test
    void the_diff_matches_the_reviewed_golden_diff() throws IOException {
        Proposal proposal = Hardener.propose(config, findings(config));
        assertEquals(Files.readString(SEED.resolve("expected.diff")), proposal.unifiedDiff());
        assertEquals("Hardening nginx.conf (+24 -5) for WS01, WS02, RL01, RT04, WS06, KA04, NW01, TO01, WS09, WS10.",
                proposal.summary());
    }

    @Test
    void hardening_the_hardened_seed_again_changes_nothing() {
        Proposal proposal = Hardener.propose(config, findings(config));
        NginxConfig hardened = Hardener.hardened(config, proposal);
        Proposal again = Hardener.propose(hardened, findings(hardened));
        assertTrue(again.isEmpty(), again.unifiedDiff());
        assertTrue(again.conflicts().isEmpty());
        assertTrue(again.findings().isEmpty(), "nothing left to address");
    }
}

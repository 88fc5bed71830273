package medic.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import medic.nginx.config.ConfigTree;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.harden.Hardener;
import medic.nginx.harden.Proposal;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxTime;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The diagnosis of every fixtures/NAME/ meets what its author wrote in expected.txt, independently of the
 * rules: the real pipeline (nginx 1.22.1, the captured error log, no backend facts) on the real files.
 */
class FixtureDiagnosisTest {

    @TestFactory
    Stream<DynamicTest> every_expected_line_of_every_fixture_holds() {
        return DiagnosisFixture.all().stream().flatMap(fixture -> {
            Diagnosis diagnosis = fixture.diagnose();
            ConfigTree tree = diagnosis.config().tree();
            return fixture.expectations().stream().map(e -> DynamicTest.dynamicTest(fixture.name() + ": " + e.text(),
                    () -> check(fixture, tree, diagnosis.findings(), e)));
        });
    }

    @TestFactory
    Stream<DynamicTest> every_finding_names_a_file_of_the_config_it_diagnosed() {
        return DiagnosisFixture.all().stream().map(fixture -> DynamicTest.dynamicTest(
                fixture.name() + ": findings name its own files", () -> {
                    Diagnosis diagnosis = fixture.diagnose();
                    ConfigTree tree = diagnosis.config().tree();
                    for (Finding finding : diagnosis.findings()) {
                        Path path = DiagnosisFixture.pathOf(tree, finding);
                        assertNotNull(tree.file(path.toString()), finding.rule() + " names " + path
                                + ", which is not a file of the config: " + tree.files().keySet());
                        assertTrue(finding.line() >= 1, finding.rule() + "@" + finding.where());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> diagnosing_a_hardened_fixture_again_proposes_nothing() {
        return DiagnosisFixture.all().stream().map(fixture -> DynamicTest.dynamicTest(
                fixture.name() + ": hardened config needs nothing more", () -> {
                    Diagnosis diagnosis = fixture.diagnose();
                    Proposal proposal = Hardener.propose(diagnosis.config(), diagnosis.findings());
                    NginxConfig hardened = Hardener.hardened(diagnosis.config(), proposal);
                    // The same log again: it tells of the old config's failures, which must not ask for more edits.
                    Diagnosis again = Diagnostician.diagnose(hardened.tree(), fixture.errorLog(),
                            DiagnosisFixture.VERSION, BackendFacts.NONE);
                    List<String> stillChanging = again.findings().stream().filter(f -> !f.changes().isEmpty())
                            .map(f -> f.rule() + "@" + f.where() + ": " + f.message()).toList();
                    assertTrue(again.proposal().isEmpty(), "after hardening, " + stillChanging + " still propose:\n"
                            + again.proposal().unifiedDiff());
                }));
    }

    private static void check(DiagnosisFixture fixture, ConfigTree tree, List<Finding> findings, Expectation e) {
        List<Finding> matching = new ArrayList<>();
        for (Finding f : findings) {
            if (f.rule().equals(e.rule()) && (e.anywhere() || (f.line() == e.line()
                    && DiagnosisFixture.pathOf(tree, f).equals(fixture.pathOf(e))))) {
                matching.add(f);
            }
        }
        if (e.present()) {
            assertFalse(matching.isEmpty(), fixture.name() + ": no " + e.rule() + " finding at " + e.file() + ":"
                    + e.line() + "; the diagnosis has: " + summary(findings, e.rule()));
        } else {
            assertTrue(matching.isEmpty(), fixture.name() + ": " + e.text() + " violated by "
                    + summary(matching, e.rule()) + ": " + (matching.isEmpty() ? "" : matching.get(0).message()));
        }
    }

    @Test
    void seed_incident_is_diagnosed_and_hardened_to_the_target() {
        DiagnosisFixture seed = DiagnosisFixture.named("seed-incident");
        Diagnosis diagnosis = seed.diagnose();
        Map<String, Integer> expected = Map.of("WS01", 33, "WS02", 35, "WS06", 36, "WS09", 37, "KA04", 24,
                "RT04", 24, "RL01", 33, "TO01", 33);
        expected.forEach((rule, line) -> assertTrue(diagnosis.findings().stream().anyMatch(f -> f.rule().equals(rule)
                && f.file().equals("nginx.conf") && f.line() == line), rule + " at nginx.conf:" + line + " in "
                + summary(diagnosis.findings(), rule)));

        NginxConfig hardened = reparsed(diagnosis);
        Location ws = hardened.locations().stream().filter(l -> l.pattern().equals("/ws/")).findFirst().orElseThrow();
        Map<String, String> values = Map.of("proxy_http_version", "1.1", "proxy_read_timeout", "3600s",
                "proxy_send_timeout", "3600s", "proxy_connect_timeout", "10s", "proxy_buffering", "off",
                "proxy_cache", "off", "proxy_socket_keepalive", "on");
        values.forEach((name, value) -> assertEquals(value, hardened.effective(ws, name).value(), name));

        UpgradeMap map = UpgradeMap.find(hardened);
        assertNotNull(map, "the $http_upgrade map is in http");
        assertEquals(List.of("upgrade"), map.scope().find("default").args(), "a handshake gets Connection: upgrade");
        assertEquals("", map.emptyValue(), "plain requests keep the upstream pool: '' \"\"");
        HeaderSet headers = hardened.headers(ws);
        assertEquals("$http_upgrade", headers.value("Upgrade"));
        assertEquals(map.variable(), headers.value("Connection"));
        assertEquals("$host", headers.value("Host"));
        assertEquals("$remote_addr", headers.value("X-Real-IP"));
        assertEquals("$proxy_add_x_forwarded_for", headers.value("X-Forwarded-For"));

        String[] limit = hardened.effective(ws, "limit_conn").value().split(" ");
        assertEquals(2, limit.length, "limit_conn ZONE N");
        assertTrue(hardened.http().all("limit_conn_zone").stream().anyMatch(z -> z.args().stream()
                        .anyMatch(a -> a.startsWith("zone=" + limit[0] + ":"))),
                "limit_conn " + limit[0] + " has its limit_conn_zone in http");

        Upstream pool = hardened.upstreams().get("ws_upstream");
        assertEquals(2, pool.servers().size());
        for (UpstreamServer server : pool.servers()) {
            assertEquals("3", server.param("max_fails"), server.address());
            assertEquals("30s", server.param("fail_timeout"), server.address());
        }
        assertEquals("64", hardened.effective(pool.scope(), "keepalive").value());
        assertEquals("10000", hardened.effective(pool.scope(), "keepalive_requests").value());
        assertEquals("75s", hardened.effective(pool.scope(), "keepalive_timeout").value());
    }

    @Test
    void keepalive_race_is_the_keepalive_timeout_once_the_backends_idle_timeout_is_declared() {
        // HOW.txt: the backend of keepalive-race keeps an idle connection 1s; expected.txt cannot declare it.
        BackendFacts facts = new BackendFacts(Map.of("orders_api", Duration.ofSeconds(1)),
                Map.of("orders_api", "declared"), null);
        Diagnosis diagnosis = DiagnosisFixture.named("keepalive-race").diagnose(facts);
        Finding race = diagnosis.findings().stream().filter(f -> f.rule().equals("KA02")).findFirst()
                .orElseThrow(() -> new AssertionError(summary(diagnosis.findings(), "KA02")));
        assertEquals("nginx.conf:25", race.where(), "no keepalive_timeout: the keepalive line");
        assertEquals(Severity.CRITICAL, race.severity(), "the log's resets on the pool confirm it");
        NginxConfig hardened = Hardener.hardened(diagnosis.config(), diagnosis.proposal());
        Duration timeout = NginxTime.parse(hardened.effective(hardened.upstreams().get("orders_api").scope(),
                "keepalive_timeout").value());
        assertTrue(timeout.compareTo(Duration.ofSeconds(1)) < 0, "below the backend's 1s: " + timeout);
    }

    @Test
    void the_seed_pool_at_75s_comes_with_a_note_that_the_backends_idle_timeout_is_unknown() {
        Diagnosis diagnosis = DiagnosisFixture.named("seed-incident").diagnose();

        List<String> notes = diagnosis.notes().stream().filter(n -> n.startsWith("KA04 pools upstream ws_upstream"))
                .toList();
        assertEquals(1, notes.size(), diagnosis.notes().toString());
        assertTrue(notes.get(0).contains("for 75s idle, but its backend's idle timeout is unknown"), notes.get(0));
        assertTrue(notes.get(0).contains("inventory nginx.backend_idle_timeouts"), notes.get(0));
        Finding pool = diagnosis.findings().stream().filter(f -> f.rule().equals("KA04")).findFirst().orElseThrow();
        assertTrue(pool.evidence().stream().anyMatch(e -> e.startsWith("backend idle timeout unknown")),
                pool.evidence().toString());
        assertTrue(pool.fix().contains("before this is applied"), pool.fix());
    }

    @Test
    void the_seed_pool_stays_below_the_apps_declared_5s_and_needs_no_note() {
        // BRIEF s.5: the seed's app keeps idle connections 5s (Node's default).
        BackendFacts facts = new BackendFacts(Map.of("ws_upstream", Duration.ofSeconds(5)),
                Map.of("ws_upstream", "declared"), null);
        Diagnosis diagnosis = DiagnosisFixture.named("seed-incident").diagnose(facts);

        NginxConfig hardened = reparsed(diagnosis);
        Upstream pool = hardened.upstreams().get("ws_upstream");
        assertEquals("64", hardened.effective(pool.scope(), "keepalive").value());
        assertEquals("4s", hardened.effective(pool.scope(), "keepalive_timeout").value());
        assertTrue(diagnosis.notes().stream().noneMatch(n -> n.startsWith("KA04")), diagnosis.notes().toString());
    }

    /** The hardened seed parsed again from the edited text, as nginx would read it. */
    private static NginxConfig reparsed(Diagnosis diagnosis) {
        assertFalse(diagnosis.proposal().isEmpty(), "the seed needs hardening");
        return Hardener.hardened(diagnosis.config(), diagnosis.proposal());
    }

    static String summary(List<Finding> findings, String rule) {
        List<String> same = findings.stream().filter(f -> f.rule().equals(rule)).map(Finding::where).toList();
        return (same.isEmpty() ? "no " + rule : rule + " at " + same) + " (all: "
                + findings.stream().map(f -> f.rule() + "@" + f.where()).toList() + ")";
    }
}

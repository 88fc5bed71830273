package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.RuleFixture;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

/** The seed incident of BRIEF section 5: what the WebSocket rules find, and what their fixes add up to. */
class SeedIncidentTest {
    private static final Path SEED = Path.of("src/test/resources/rules/seed");
    private final RuleFixture incident = RuleFixture.read(SEED.resolve("incident.conf"));
    private final List<Finding> findings = HardeningSatisfiesRulesTest.findings(incident.analysis());

    @Test
    void finds_the_websocket_faults_of_the_incident_at_their_lines() {
        Set<String> found = findings.stream().map(f -> f.rule() + "@" + f.line())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("WS01@26", "WS02@28", "WS06@29", "WS09@30", "WS10@26", "NW01@26",
                "RL01@26")), found);
    }

    @Test
    void each_finding_names_the_value_in_force_and_nginx_default() {
        Finding timeout = only("WS06");
        assertEquals("proxy_read_timeout 60s", timeout.effective());
        assertEquals("proxy_read_timeout 60s", timeout.defaultValue());
        Finding version = only("WS02");
        assertEquals("proxy_http_version 1.0", version.effective());
        assertEquals("proxy_http_version 1.0", version.defaultValue());
        assertTrue(version.evidence().stream().anyMatch(e -> e.contains("104: Connection reset by peer")),
                "the seed's 104 line confirms WS02: " + version.evidence());
    }

    @Test
    void proposes_the_values_of_the_hardened_target() {
        Set<String> set = findings.stream().flatMap(f -> f.changes().stream())
                .filter(Change.SetDirective.class::isInstance).map(Change.SetDirective.class::cast)
                .map(c -> c.name() + " " + String.join(" ", c.args())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("proxy_http_version 1.1", "proxy_read_timeout 3600s",
                "proxy_send_timeout 3600s", "proxy_buffering off", "proxy_cache off", "proxy_socket_keepalive on")),
                set);
        List<Change> limits = only("RL01").changes();
        assertEquals(new Change.EnsureHttpDirective("limit_conn_zone",
                List.of("$binary_remote_addr", "zone=ws_conn_zone:10m"), 2), limits.get(0));
        Change.AddDirective limit = (Change.AddDirective) limits.get(1);
        assertEquals(List.of("ws_conn_zone", "50"), limit.args());
    }

    @Test
    void hardening_the_incident_gives_the_target_location_but_for_the_connect_timeout() {
        List<Change> changes = findings.stream().flatMap(f -> f.changes().stream()).toList();
        String hardenedText = FakeHardener.apply(incident.analysis().config(), changes);
        NginxConfig hardened = Configs.analysis(hardenedText.split("\n")).config();
        NginxConfig target = RuleFixture.read(SEED.resolve("hardened.conf")).model();
        Set<String> missing = new TreeSet<>(directives(target));
        missing.removeAll(directives(hardened));
        assertEquals(Set.of("proxy_connect_timeout 10s"), missing, "TO01 owns the connect timeout");
        assertEquals(directives(target).size() - 1, directives(hardened).size());
        assertEquals("", UpgradeMap.find(hardened).emptyValue(), "plain requests keep the pool: '' \"\"");
    }

    private Finding only(String rule) {
        List<Finding> of = findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, of.size(), rule + ": " + of);
        return of.get(0);
    }

    private static Set<String> directives(NginxConfig config) {
        Location ws = config.locations().get(0);
        return ws.scope().directives().stream().map(d -> d.name() + " " + String.join(" ", d.args()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

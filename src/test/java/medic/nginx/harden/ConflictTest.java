package medic.nginx.harden;

import static medic.nginx.harden.AddDirectiveTest.finding;
import static medic.nginx.harden.Configs.lines;
import static medic.nginx.harden.Configs.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import medic.MedicException;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Change.AddDirective;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import org.junit.jupiter.api.Test;

class ConflictTest {
    private static final String WS = lines("http {", "    server {", "        location /ws/ {",
            "            proxy_pass http://a;", "            proxy_read_timeout 60s;", "        }", "    }", "}");

    @Test
    void the_larger_timeout_wins_whichever_finding_comes_first_and_the_conflict_is_reported() {
        NginxConfig config = Configs.of(WS);
        Scope ws = scope(config, "/ws/");
        Proposal proposal = Hardener.propose(config, List.of(
                finding("WS09", List.of(new Change.SetDirective(ws, "proxy_read_timeout", List.of("300s")))),
                finding("WS06", List.of(new Change.SetDirective(ws, "proxy_read_timeout", List.of("1h"))))));
        assertTrue(proposal.files().get(0).after().contains("proxy_read_timeout 1h;"));
        assertEquals(1, proposal.conflicts().size());
        assertTrue(proposal.conflicts().get(0).contains("WS09 wants 300s, WS06 wants 1h; using 1h"),
                proposal.conflicts().get(0));
        assertTrue(proposal.conflicts().get(0).contains("location /ws/ (etc/nginx/nginx.conf:3)"),
                proposal.conflicts().get(0));
    }

    @Test
    void an_upsert_beats_an_if_absent_add_of_the_same_header_without_a_conflict() {
        NginxConfig config = Configs.of(WS);
        Scope ws = scope(config, "/ws/");
        Proposal proposal = Hardener.proposeChanges(config, List.of(
                AddDirective.ifAbsent(ws, "proxy_set_header", List.of("Connection", "close"), 1),
                AddDirective.upsert(ws, "proxy_set_header", List.of("connection", "$connection_upgrade"), 1)));
        assertTrue(proposal.files().get(0).after().contains("proxy_set_header connection $connection_upgrade;\n"));
        assertTrue(proposal.conflicts().isEmpty());
    }

    @Test
    void between_two_upserts_the_first_finding_wins() {
        NginxConfig config = Configs.of(WS);
        Scope ws = scope(config, "/ws/");
        Proposal proposal = Hardener.propose(config, List.of(
                finding("WS01", List.of(AddDirective.upsert(ws, "proxy_set_header", List.of("Connection", "$cu"), 1))),
                finding("KA01", List.of(AddDirective.upsert(ws, "proxy_set_header", List.of("Connection", ""), 1)))));
        assertTrue(proposal.files().get(0).after().contains("proxy_set_header Connection $cu;\n"));
        assertEquals(1, proposal.conflicts().size());
    }

    @Test
    void refuses_changes_diagnosed_on_a_different_config() {
        NginxConfig config = Configs.of(WS);
        NginxConfig other = Configs.of(WS.replace("location /ws/", "location /websocket/"));
        MedicException e = assertThrows(MedicException.class, () -> Hardener.proposeChanges(config,
                List.of(new Change.SetDirective(scope(other, "/websocket/"), "proxy_buffering", List.of("off")))));
        assertTrue(e.getMessage().contains("not in the config being hardened"), e.getMessage());
    }

    @Test
    void an_empty_list_of_findings_proposes_nothing() {
        Proposal proposal = Hardener.propose(Configs.of(WS), List.of());
        assertTrue(proposal.isEmpty());
        assertEquals("", proposal.unifiedDiff());
        assertTrue(proposal.summary().startsWith("Nothing to change"));
    }

    @Test
    void lists_as_addressed_only_findings_whose_changes_edit_something() {
        NginxConfig config = Configs.of(WS);
        Scope ws = scope(config, "/ws/");
        Proposal proposal = Hardener.propose(config, List.of(
                finding("WS06", List.of(new Change.SetDirective(ws, "proxy_read_timeout", List.of("60s")))),
                finding("TO01", List.of(new Change.SetDirective(ws, "proxy_connect_timeout", List.of("10s")))),
                finding("LG01", List.of())));
        assertEquals(List.of("TO01"), proposal.findings().stream().map(f -> f.rule()).toList());
        assertEquals("Hardening etc/nginx/nginx.conf (+1 -0) for TO01.", proposal.summary());
    }
}

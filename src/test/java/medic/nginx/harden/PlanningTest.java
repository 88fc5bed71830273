package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import medic.MedicException;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogView;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.Test;

class PlanningTest {
    @Test
    void planning_on_two_threads_makes_the_same_edits_as_one_thread_for_the_seed_and_every_fixture() throws IOException {
        for (Map.Entry<NginxConfig, List<Finding>> entry : Planned.seedAndFixtures()) {
            assertSamePlans(entry.getKey(), entry.getValue());
        }
    }

    @Test
    void planning_on_two_threads_makes_the_same_edits_as_one_thread_for_a_config_broken_everywhere() {
        NginxConfig config = Configs.of(brokenEverywhere(120));
        List<Finding> findings = Diagnoser.standard().diagnose(new Analysis(config, LogView.none(), BackendFacts.NONE));
        assertTrue(Hardener.sourced(findings).size() > 1_000, "enough changes on both sides of the middle");
        assertSamePlans(config, findings);
        // The default threshold plans this many changes on two threads.
        Hardener.Plan plan = Hardener.plan(config, Hardener.sourced(findings));
        assertEquals(Hardener.plan(config, Hardener.sourced(findings), Integer.MAX_VALUE).planning().edits(),
                plan.planning().edits());
    }

    @Test
    void a_change_from_another_config_fails_on_either_thread_as_on_one() {
        String text = brokenEverywhere(20);
        NginxConfig config = Configs.of(text);
        NginxConfig other = Configs.of(text.replace("location /api/", "location /other/"));
        List<Change> changes = new ArrayList<>();
        for (Finding finding : Diagnoser.standard().diagnose(new Analysis(config, LogView.none(), BackendFacts.NONE))) {
            changes.addAll(finding.changes());
        }
        // The last location lies past the middle of the text: the second thread plans it.
        changes.add(new Change.SetDirective(other.locations().get(other.locations().size() - 1).scope(),
                "proxy_buffering", List.of("off")));
        List<ChangeMerger.Sourced> sourced = changes.stream().map(c -> new ChangeMerger.Sourced(c, "x")).toList();
        MedicException one = assertThrows(MedicException.class, () -> Hardener.plan(config, sourced, Integer.MAX_VALUE));
        MedicException two = assertThrows(MedicException.class, () -> Hardener.plan(config, sourced, 0));
        assertTrue(two.getMessage().contains("not in the config being hardened"), two.getMessage());
        assertEquals(one.getMessage(), two.getMessage());
    }

    @Test
    void conflicts_come_in_the_order_met_whichever_thread_met_them() {
        NginxConfig config = Configs.of(brokenEverywhere(30));
        List<ChangeMerger.Sourced> sourced = new ArrayList<>();
        for (var location : config.locations()) {
            sourced.add(new ChangeMerger.Sourced(new Change.SetDirective(location.scope(), "proxy_read_timeout",
                    List.of("60s")), "A"));
        }
        for (var location : config.locations()) {
            sourced.add(new ChangeMerger.Sourced(new Change.SetDirective(location.scope(), "proxy_read_timeout",
                    List.of("120s")), "B"));
        }
        Planning.Result one = Hardener.plan(config, sourced, Integer.MAX_VALUE).planning();
        Planning.Result two = Hardener.plan(config, sourced, 0).planning();
        assertEquals(config.locations().size(), one.conflicts().size());
        assertEquals(one.conflicts(), two.conflicts());
        assertEquals(one.edits(), two.edits());
    }

    private static void assertSamePlans(NginxConfig config, List<Finding> findings) {
        Planning.Result one = Hardener.plan(config, Hardener.sourced(findings), Integer.MAX_VALUE).planning();
        Planning.Result two = Hardener.plan(config, Hardener.sourced(findings), 0).planning();
        String where = config.tree().mainPath();
        assertEquals(one.edits(), two.edits(), where);
        assertEquals(one.skipped(), two.skipped(), where);
        assertArrayEquals(one.effective(), two.effective(), where);
        assertArrayEquals(one.skippedOrders(), two.skippedOrders(), where);
        assertEquals(one.conflicts(), two.conflicts(), where);
        assertArrayEquals(one.orderOfGiven(), two.orderOfGiven(), where);
    }

    /** Servers whose locations miss most of what a proxied websocket needs, and upstreams without keepalive. */
    static String brokenEverywhere(int servers) {
        StringBuilder text = new StringBuilder("events { worker_connections 1024; }\nhttp {\n"
                + "    proxy_set_header Host $host;\n");
        for (int i = 0; i < servers; i++) {
            text.append("    upstream app").append(i).append(" {\n        server 127.0.0.1:").append(10000 + i)
                    .append(";\n    }\n");
        }
        for (int i = 0; i < servers; i++) {
            text.append("    server {\n        listen ").append(20000 + i).append(";\n")
                    .append("        location /ws/ {\n            proxy_pass http://app").append(i).append(";\n")
                    .append("            proxy_http_version 1.0;\n            proxy_read_timeout 60s;\n        }\n")
                    .append("        location /api/ {\n            proxy_pass http://app").append(i).append(";\n")
                    .append("            add_header X-A a;\n        }\n    }\n");
        }
        return text.append("}\n").toString();
    }
}

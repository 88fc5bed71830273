package medic.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import medic.inventory.Inventory;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;

class HostMappingTest {

    private final Inventory inventory = Inventory.load(TestResources.path("alertmanager/inventory.yaml"));
    private final HostMapping mapping = new HostMapping(inventory, IntakeSettings.defaults());

    private IncidentKey known(Map<String, String> labels) {
        return assertInstanceOf(HostMapping.Known.class, mapping.map(labels)).key();
    }

    private String unknown(Map<String, String> labels) {
        return assertInstanceOf(HostMapping.Unknown.class, mapping.map(labels)).reason();
    }

    @Test
    void picks_the_host_whose_alert_labels_match() {
        assertEquals(new IncidentKey("edge-1", "checkout"), known(Map.of("host", "edge-1", "upstream", "checkout")));
    }

    @Test
    void falls_back_to_the_instance_label_without_its_port_against_addresses() {
        assertEquals(new IncidentKey("edge-2", "*"), known(Map.of("instance", "10.0.0.12:9113")));
        assertEquals(new IncidentKey("edge-3", "*"), known(Map.of("instance", "EDGE-3.example.net:9113")));
    }

    @Test
    void falls_back_to_the_host_label_against_host_names() {
        assertEquals(new IncidentKey("edge-3", "api"), known(Map.of("host", "edge-3", "upstream", "api")));
    }

    @Test
    void a_host_label_picks_one_of_several_matching_hosts() {
        assertEquals(new IncidentKey("eu-b", "*"), known(Map.of("cluster", "eu", "instance", "10.1.0.2:9100")));
    }

    @Test
    void several_matching_hosts_without_a_deciding_label_are_unknown_and_named() {
        String reason = unknown(Map.of("cluster", "eu"));
        assertTrue(reason.contains("2 inventory hosts (eu-a, eu-b)"), reason);
    }

    @Test
    void an_alert_naming_no_inventory_host_is_unknown_with_the_labels_tried() {
        String reason = unknown(Map.of("instance", "db-7:9187"));
        assertTrue(reason.contains("host (absent), instance=\"db-7:9187\""), reason);
    }

    @Test
    void uses_the_configured_labels() {
        HostMapping custom = new HostMapping(inventory, new IntakeSettings(List.of("node"), "backend", "severity",
                IntakeSettings.DEFAULT_REOPEN_WINDOW));
        assertEquals(new IncidentKey("edge-2", "pool-a"),
                assertInstanceOf(HostMapping.Known.class, custom.map(Map.of("node", "edge-2", "backend", "pool-a"))).key());
        assertInstanceOf(HostMapping.Unknown.class, custom.map(Map.of("instance", "10.0.0.12:9113")));
    }

    @Test
    void strips_ports_from_names_and_bracketed_ipv6_but_not_from_bare_ipv6() {
        assertEquals("edge-1", HostMapping.withoutPort("edge-1:9113"));
        assertEquals("2001:db8::1", HostMapping.withoutPort("[2001:db8::1]:9113"));
        assertEquals("2001:db8::1", HostMapping.withoutPort("2001:db8::1"));
        assertEquals("edge-1", HostMapping.withoutPort("edge-1"));
    }
}

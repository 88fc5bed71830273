package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inventory's {@code nginx.backend_idle_timeouts}: what the operator knows of the app servers' keep-alive. */
class BackendIdleTimeoutsTest {
    private static final String HOST = "hosts:\n  - name: edge-1\n    transport: local\n    nginx:\n";

    @Test
    void reads_idle_timeouts_by_upstream_name_and_server_address_in_nginx_time_syntax() {
        Inventory inventory = InventoryLoader.parse(HOST + "      backend_idle_timeouts:\n"
                + "        api_upstream: 2s\n        \"10.0.0.7:3000\": 500ms\n", "inventory.yaml", Path.of("/etc/medic"));
        assertEquals(Map.of("api_upstream", Duration.ofSeconds(2), "10.0.0.7:3000", Duration.ofMillis(500)),
                inventory.host("edge-1").orElseThrow().nginx().backendIdleTimeouts());
    }

    @Test
    void a_host_inherits_the_declaration_of_the_defaults_section() {
        Inventory inventory = InventoryLoader.parse("defaults:\n  nginx:\n    backend_idle_timeouts:\n"
                + "      app: 5s\n" + HOST + "      config: /etc/nginx/nginx.conf\n", "inventory.yaml",
                Path.of("/etc/medic"));
        assertEquals(Map.of("app", Duration.ofSeconds(5)),
                inventory.host("edge-1").orElseThrow().nginx().backendIdleTimeouts());
    }

    @Test
    void a_host_without_the_field_declares_nothing() {
        Inventory inventory = InventoryLoader.parse(HOST + "      config: /etc/nginx/nginx.conf\n", "inventory.yaml",
                Path.of("/etc/medic"));
        assertEquals(Map.of(), inventory.host("edge-1").orElseThrow().nginx().backendIdleTimeouts());
    }
}

package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The inventory's {@code nginx.verify} block: what an applied change is checked with. */
class VerifyTargetsTest {
    private static final String HOST = "hosts:\n  - name: edge-1\n    transport: local\n    nginx:\n";

    @Test
    void reads_the_pid_file_websocket_and_health_urls() {
        Inventory inventory = InventoryLoader.parse(HOST + "      verify:\n        pid_file: /run/nginx.pid\n"
                + "        websocket: ws://127.0.0.1:8080/ws?room=probe\n        health: http://127.0.0.1:8080/health\n",
                "inventory.yaml", Path.of("/etc/medic"));
        VerifyTargets verify = inventory.host("edge-1").orElseThrow().nginx().verify();
        assertEquals("/run/nginx.pid", verify.pidFile());
        assertEquals(URI.create("ws://127.0.0.1:8080/ws?room=probe"), verify.websocket());
        assertEquals(URI.create("http://127.0.0.1:8080/health"), verify.health());
    }

    @Test
    void a_host_without_the_block_verifies_by_nginx_t_and_reload_only() {
        Inventory inventory = InventoryLoader.parse(HOST + "      config: /etc/nginx/nginx.conf\n", "inventory.yaml",
                Path.of("/etc/medic"));
        assertEquals(VerifyTargets.NONE, inventory.host("edge-1").orElseThrow().nginx().verify());
    }

    @Test
    void a_url_of_the_wrong_scheme_is_refused_naming_the_line() {
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse(HOST
                + "      verify:\n        websocket: http://127.0.0.1/ws\n", "inventory.yaml", Path.of("/etc/medic")));
        assertTrue(e.getMessage().contains("inventory.yaml:6"), e.getMessage());
        assertTrue(e.getMessage().contains("not a ws:// URL"), e.getMessage());
    }

    @Test
    void a_relative_pid_file_is_refused() {
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse(HOST
                + "      verify:\n        pid_file: run/nginx.pid\n", "inventory.yaml", Path.of("/etc/medic")));
        assertTrue(e.getMessage().contains("not an absolute path"), e.getMessage());
    }
}

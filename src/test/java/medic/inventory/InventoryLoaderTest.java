package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid inventories load with their defaults applied, paths resolved and jump hosts linked. */
class InventoryLoaderTest {
    private static final Path VALID = Path.of("src/test/resources/inventory/valid");

    @Test
    void the_documented_example_loads_with_every_field() {
        Inventory inventory = Inventory.load(Path.of("deploy/inventory.example.yaml"));
        assertEquals(List.of("bastion", "edge-1", "this-host"), inventory.names());
        Path deploy = Path.of("deploy").toAbsolutePath();

        HostEntry bastion = inventory.host("bastion").orElseThrow();
        assertEquals(2222, bastion.port());
        assertEquals("medic", bastion.user());
        assertEquals(new KeySource.File(deploy.resolve("keys/medic_ed25519"), "MEDIC_KEY_PASSPHRASE"), bastion.key());
        assertEquals(deploy.resolve("known_hosts"), bastion.knownHosts());
        assertTrue(bastion.alertMatchers().isEmpty());

        HostEntry edge = inventory.host("edge-1").orElseThrow();
        assertEquals(Transport.SSH, edge.transport());
        assertEquals("10.0.1.11", edge.address());
        assertEquals(22, edge.port());
        assertEquals("deploy", edge.user());
        assertEquals(new KeySource.Env("MEDIC_EDGE_KEY", "MEDIC_EDGE_KEY_PASSPHRASE"), edge.key());
        assertEquals(Path.of("/etc/medic/known_hosts"), edge.knownHosts());
        assertEquals(bastion, edge.jump());
        assertEquals("sudo -n", edge.sudo());
        assertEquals(new NginxSettings("/usr/sbin/nginx", "/etc/nginx/nginx.conf",
                List.of("/var/log/nginx/error.log", "/var/log/nginx/websocket.error.log"), "/usr/sbin/nginx -s reload",
                VerifyTargets.NONE, Map.of("orders_api", Duration.ofSeconds(5), "10.0.2.21:3000", Duration.ofSeconds(2))),
                edge.nginx());
        assertEquals("[instance=\"edge-1:9113\", job=~\"nginx(-exporter)?\"]", edge.alertMatchers().toString());

        HostEntry local = inventory.host("this-host").orElseThrow();
        assertTrue(local.isLocal());
        assertNull(local.address());
        assertNull(local.key());
        assertEquals("", local.sudo());
        assertEquals(List.of("/var/log/nginx/error.log"), local.nginx().errorLogs());
        assertEquals("'/usr/sbin/nginx' -s reload", local.nginx().reload());
        assertTrue(local.sshEndpoint().isEmpty());
    }

    @Test
    void a_minimal_host_gets_debian_defaults_and_paths_relative_to_the_inventory() {
        HostEntry host = Inventory.load(VALID.resolve("minimal.yaml")).hosts().get(0);
        assertEquals(22, host.port());
        assertEquals("", host.sudo());
        assertNull(host.jump());
        assertEquals(new NginxSettings("/usr/sbin/nginx", "/etc/nginx/nginx.conf", List.of("/var/log/nginx/error.log"),
                "'/usr/sbin/nginx' -s reload"), host.nginx());
        Path base = VALID.toAbsolutePath();
        assertEquals(new KeySource.File(base.resolve("../keys/id_ed25519").normalize(), null), host.key());
        assertEquals(base.resolve("known_hosts"), host.knownHosts());
        assertEquals("edge-1", host.privileged("edge-1"), "no sudo prefix: commands run as they are");
    }

    @Test
    void defaults_apply_field_by_field_and_a_host_value_wins() {
        Inventory fleet = Inventory.load(VALID.resolve("fleet.yaml"));
        HostEntry outer = fleet.host("outer-bastion").orElseThrow();
        HostEntry inner = fleet.host("inner-bastion").orElseThrow();
        HostEntry eu2 = fleet.host("eu-2").orElseThrow();
        assertEquals(22, outer.port());
        assertEquals(2200, inner.port());
        assertEquals("", inner.sudo(), "an empty sudo overrides the default prefix");
        assertEquals("sudo -n", eu2.sudo());
        assertEquals("/opt/nginx/sbin/nginx", eu2.nginx().binary());
        assertEquals("/opt/nginx/conf/nginx.conf", eu2.nginx().config());
        assertEquals(List.of("/srv/logs/nginx/error.log"), eu2.nginx().errorLogs(), "a single path is a list of one");
        assertEquals("systemctl reload nginx", eu2.nginx().reload());
        assertEquals("sudo -n systemctl reload nginx", eu2.privileged(eu2.nginx().reload()));
        assertEquals("'/opt/nginx/sbin/nginx' -s reload", fleet.host("eu-1").orElseThrow().nginx().reload(),
                "the default reload uses the host's own binary");
        assertEquals("/opt/nginx/conf", eu2.nginx().configDirectory());
    }

    @Test
    void the_ssh_endpoint_carries_the_whole_jump_chain() {
        SshEndpoint eu1 = Inventory.load(VALID.resolve("fleet.yaml")).host("eu-1").orElseThrow().sshEndpoint().orElseThrow();
        assertEquals("10.0.1.1", eu1.address());
        assertEquals(2200, eu1.port());
        assertEquals("medic", eu1.user());
        assertEquals(new KeySource.Env("MEDIC_FLEET_KEY", null), eu1.key());
        assertFalse(eu1.key().passphraseEnv().isPresent());
        assertEquals(Path.of("/etc/medic/known_hosts"), eu1.knownHostsFile());
        assertEquals("sudo -n", eu1.sudoPrefix());
        assertEquals("inner-bastion", eu1.jump().name());
        assertEquals("", eu1.jump().sudoPrefix());
        assertEquals("outer-bastion", eu1.jump().jump().name());
        assertEquals(22, eu1.jump().jump().port());
        assertNull(eu1.jump().jump().jump());
    }

    @Test
    void a_missing_file_is_one_problem_naming_it() {
        InventoryException e = assertThrows(InventoryException.class, () -> Inventory.load(Path.of("no/such/inventory.yaml")));
        assertEquals("no/such/inventory.yaml:1:1: no such file; give the inventory's path (an example:"
                + " deploy/inventory.example.yaml)", e.getMessage());
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once() {
        String yaml = """
                hosts:
                  - name: a
                    address: 10.0.0.1
                    port: 0
                    user: medic
                    key: k
                    known_hosts: kh
                  - name: a
                    transport: local
                    colour: blue
                """;
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse(yaml, "inv.yaml", Path.of("/")));
        assertEquals(List.of(
                "inv.yaml:4:11: field hosts[0].port: 0 is not a TCP port; use 1 to 65535 (ssh listens on 22)",
                "inv.yaml:8:11: field hosts[1].name: duplicate host name \"a\" (first at line 2); host names must be unique",
                "inv.yaml:10:5: field hosts[1].colour: unknown field; allowed here: name, transport, address, jump, labels,"
                        + " matchers, port, user, key, known_hosts, sudo, nginx"),
                e.problems().stream().map(Object::toString).toList());
    }
}

package medic.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import medic.inventory.Inventory;
import medic.inventory.InventoryLoader;
import medic.server.Setting;
import medic.server.SettingCatalog;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes and Compose files only set variables medic reads, their inventory loads, and the pod runs as
 * a non-root user with probes on /readyz and /healthz. (No cluster here: kubectl cannot validate offline.)
 */
class DeployManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KNOWN = SettingCatalog.ALL.stream().map(Setting::env).collect(Collectors.toSet());
    private static final Set<String> FILES = Set.of("inventory.yaml", "ssh-key", "known_hosts");

    @Test
    void the_config_map_and_secret_set_only_settings_medic_reads() throws IOException {
        assertOnlyKnown(read("kubernetes/configmap.yaml").get("data"), "configmap.yaml");
        assertOnlyKnown(read("kubernetes/secret.example.yaml").get("stringData"), "secret.example.yaml");
        assertOnlyKnown(read("docker-compose.yml").at("/services/medic/environment"), "docker-compose.yml");
    }

    @Test
    void the_config_maps_inventory_loads() throws IOException {
        String inventory = read("kubernetes/configmap.yaml").at("/data/inventory.yaml").asText();
        Inventory loaded = InventoryLoader.parse(inventory, "configmap.yaml#inventory.yaml", Path.of("/etc/medic"));
        assertEquals(Set.of("edge-1"), Set.copyOf(loaded.names()));
    }

    @Test
    void the_pods_run_as_non_root_with_health_probes() throws IOException {
        JsonNode pod = read("kubernetes/deployment.yaml").at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode container = pod.at("/containers/0");
        assertEquals("/readyz", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/healthz", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("false", container.at("/securityContext/allowPrivilegeEscalation").asText());
        assertEquals("true", read("kubernetes/configmap.yaml").at("/data/MEDIC_SCHEDULER_CLUSTERED").asText(),
                "several replicas need the clustered scheduler");
        assertTrue(read("kubernetes/configmap.yaml").at("/data/MEDIC_DB_URL").asText().startsWith("jdbc:postgresql:"));
    }

    private static void assertOnlyKnown(JsonNode variables, String file) {
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(KNOWN.contains(name) || FILES.contains(name), file + " sets " + name
                    + ", which medic does not read");
        }
    }

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(Files.readString(Path.of("deploy").resolve(file)));
    }
}

package medic.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hosts medic may act on, in file order, with unique names. */
public record Inventory(List<HostEntry> hosts) {
    public Inventory {
        hosts = List.copyOf(hosts);
    }

    /** Reads and validates an inventory file; see {@link InventoryLoader}. */
    public static Inventory load(Path file) {
        return InventoryLoader.load(file);
    }

    public Optional<HostEntry> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return hosts.stream().map(HostEntry::name).toList();
    }

    /**
     * The hosts an alert is about: every host whose label matchers all match the alert's labels (Alertmanager
     * semantics: exact or anchored-regex values, a missing label is ""). Hosts without matchers never match.
     * More than one host may match (e.g. a regex over a cluster label); the caller decides what to do then.
     */
    public List<HostEntry> match(Map<String, String> alertLabels) {
        return hosts.stream().filter(h -> h.matches(alertLabels)).toList();
    }
}

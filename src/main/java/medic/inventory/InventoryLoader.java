package medic.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.Location;
import medic.inventory.yaml.Problem;
import medic.inventory.yaml.Problems;
import medic.inventory.yaml.YamlList;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;
import medic.inventory.yaml.YamlReader;

/**
 * Reads an inventory file strictly: unknown fields, wrong types, missing or malformed values, duplicate
 * names and broken jump chains are all reported, each as {@code file:line:column: field hosts[i].x: ...},
 * in one {@link InventoryException}. The format is documented in deploy/inventory.example.yaml.
 */
public final class InventoryLoader {
    private InventoryLoader() {
    }

    public static Inventory load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file; give the inventory's path (an example: deploy/inventory.example.yaml)");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw unreadable(file, "cannot read the file: " + e.getMessage());
        }
        Path directory = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), directory);
    }

    /** Parses inventory text; {@code baseDirectory} anchors relative key and known_hosts paths. */
    public static Inventory parse(String yaml, String fileName, Path baseDirectory) {
        Problems problems = new Problems();
        List<HostDraft> drafts = new ArrayList<>();
        HostDraft defaults = null;
        Optional<YamlMap> root = YamlReader.read(yaml, fileName, problems);
        if (root.isPresent()) {
            Fields fields = Fields.of(root.get(), problems, "a mapping").orElseThrow();
            HostReader reader = new HostReader(baseDirectory);
            Optional<YamlMap> defaultsNode = fields.mapping("defaults", "a mapping of shared host fields");
            if (defaultsNode.isPresent()) {
                defaults = reader.read(Fields.of(defaultsNode.get(), problems, "a mapping").orElseThrow(), true);
            }
            Optional<YamlList> hosts = fields.list("hosts", "a list of hosts (- name: ...)");
            if (hosts.isEmpty() && !fields.has("hosts")) {
                fields.missing("hosts", "list the hosts medic may act on (see deploy/inventory.example.yaml)");
            }
            hosts.ifPresent(list -> {
                if (list.items().isEmpty()) {
                    problems.add(list, "the list is empty; add at least one host");
                }
                for (YamlNode item : list.items()) {
                    Fields.of(item, problems, "a host (a mapping with name, address, ...)")
                            .ifPresent(host -> drafts.add(reader.read(host, false)));
                }
            });
            fields.rejectUnknown();
        }
        List<HostEntry> entries = problems.isEmpty() || !drafts.isEmpty()
                ? new HostAssembler(drafts, defaults, problems).assemble() : List.of();
        if (!problems.isEmpty()) {
            throw new InventoryException(problems.list());
        }
        return new Inventory(entries);
    }

    private static InventoryException unreadable(Path file, String message) {
        return new InventoryException(List.of(new Problem(new Location(file.toString(), 1, 1), null, message)));
    }

    /** Names already taken, to report a duplicate at its second use. */
    static Map<String, HostDraft> byName(List<HostDraft> drafts, Problems problems) {
        Map<String, HostDraft> names = new HashMap<>();
        for (HostDraft draft : drafts) {
            if (draft.name == null) {
                continue;
            }
            HostDraft first = names.putIfAbsent(draft.name, draft);
            if (first != null) {
                problems.add(draft.nameNode, "duplicate host name \"" + draft.name + "\" (first at line "
                        + first.nameNode.location().line() + "); host names must be unique");
            }
        }
        return names;
    }
}

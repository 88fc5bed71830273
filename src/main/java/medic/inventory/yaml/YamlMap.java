package medic.inventory.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping in file order; keys are unique (the reader rejects a repeated key). */
public record YamlMap(Map<String, Entry> entries, Location location, String path) implements YamlNode {
    /** One {@code key: value} pair, with where the key was written. */
    public record Entry(String key, Location keyLocation, YamlNode value) {
    }

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}

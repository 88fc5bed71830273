package medic.inventory.yaml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of one YAML mapping: each getter declares a field as known and checks its type;
 * {@link #rejectUnknown()} then reports every field nobody asked for, with the allowed names.
 * Problems are collected, never thrown, so a file's mistakes are all reported at once.
 */
public final class Fields {
    private final YamlMap map;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> refused = new LinkedHashSet<>();

    private Fields(YamlMap map, Problems problems) {
        this.map = map;
        this.problems = problems;
    }

    /** The fields of {@code node}, or empty (with a problem) when it is not a mapping. */
    public static Optional<Fields> of(YamlNode node, Problems problems, String expected) {
        if (node instanceof YamlMap map) {
            return Optional.of(new Fields(map, problems));
        }
        problems.add(node, "expected " + expected + ", found " + node.describe());
        return Optional.empty();
    }

    public YamlMap map() {
        return map;
    }

    public Problems problems() {
        return problems;
    }

    /** The path a child field has (or would have), for messages about absent fields. */
    public String path(String key) {
        return map.path().isEmpty() ? key : map.path() + "." + key;
    }

    /** The value of {@code key}; an explicitly empty value ({@code key:}) counts as absent. */
    public Optional<YamlNode> node(String key) {
        known.add(key);
        YamlMap.Entry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof YamlScalar s && s.type() == YamlScalar.Type.NULL) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** True when the field is written (even if empty), declaring it known. */
    public boolean has(String key) {
        known.add(key);
        return map.entries().containsKey(key);
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(this::text);
    }

    /** A field that must be present: when absent, a problem saying so and what to write. */
    public Optional<String> requiredString(String key, String hint) {
        if (node(key).isEmpty()) {
            missing(key, hint);
            return Optional.empty();
        }
        return string(key);
    }

    public void missing(String key, String hint) {
        problems.add(map.location(), path(key), "missing; " + hint);
    }

    public Optional<Long> integer(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER && s.text().matches("[+-]?[0-9]{1,18}")) {
                return Optional.of(Long.parseLong(s.text()));
            }
            problems.add(value, "expected a whole number, found " + value.describe());
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN) {
                // YAML 1.1 spellings of true; everything else YAML calls a boolean is false.
                return Optional.of(Set.of("true", "yes", "on", "y").contains(s.text().toLowerCase(java.util.Locale.ROOT)));
            }
            problems.add(value, "expected true or false, found " + value.describe());
            return Optional.empty();
        });
    }

    public Optional<YamlMap> mapping(String key, String expected) {
        return node(key).flatMap(value -> Fields.of(value, problems, expected)).map(Fields::map);
    }

    public Optional<YamlList> list(String key, String expected) {
        return node(key).flatMap(value -> {
            if (value instanceof YamlList list) {
                return Optional.of(list);
            }
            problems.add(value, "expected " + expected + ", found " + value.describe());
            return Optional.empty();
        });
    }

    /** A list of texts; a single text is taken as a list of one. */
    public List<YamlScalar> textList(String key) {
        List<YamlScalar> texts = new ArrayList<>();
        node(key).ifPresent(value -> {
            List<YamlNode> items = value instanceof YamlList list ? list.items() : List.of(value);
            for (YamlNode item : items) {
                text(item).ifPresent(text -> texts.add((YamlScalar) item));
            }
        });
        return texts;
    }

    /** The text of a scalar; YAML booleans are refused because {@code on}/{@code no} rarely mean text. */
    public Optional<String> text(YamlNode value) {
        if (value instanceof YamlScalar s && s.type() != YamlScalar.Type.NULL) {
            if (s.type() == YamlScalar.Type.BOOLEAN) {
                problems.add(value, "expected text, found " + value.describe() + "; put it in quotes if you mean the text");
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        problems.add(value, "expected text, found " + value.describe());
        return Optional.empty();
    }

    /**
     * Refuses a field that exists elsewhere but not here, with a message saying why; unlike an unknown field
     * it is not listed among the allowed ones.
     */
    public void refuse(String key, String message) {
        YamlMap.Entry entry = map.entries().get(key);
        if (entry != null) {
            refused.add(key);
            problems.add(entry.keyLocation(), path(key), message);
        }
    }

    /** Reports each field that no getter declared, naming the allowed fields and the closest one. */
    public void rejectUnknown() {
        for (YamlMap.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key()) && !refused.contains(entry.key())) {
                problems.add(entry.keyLocation(), path(entry.key()), "unknown field" + Suggestions.didYouMean(entry.key(), known)
                        + "; allowed here: " + String.join(", ", known));
            }
        }
    }
}

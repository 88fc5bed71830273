package medic.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value of every setting after the file and the environment were applied, with where each came from
 * ({@code medic.yaml:12}, {@code MEDIC_PORT}, or the default), so a complaint can point at the right place.
 */
public final class SettingValues {
    /** One setting's value (null: unset) and its origin. */
    public record Value(Setting setting, Object value, String origin) {
    }

    private final Map<String, Value> values;

    SettingValues(Map<String, Value> values) {
        this.values = Map.copyOf(values);
    }

    /** Only the defaults. */
    static SettingValues defaults() {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Setting setting : SettingCatalog.ALL) {
            Object value = setting.defaultValue() == null ? null : setting.kind().parseDefault(setting.defaultValue());
            values.put(setting.path(), new Value(setting, value, "default"));
        }
        return new SettingValues(values);
    }

    SettingValues with(Setting setting, Object value, String origin) {
        Map<String, Value> changed = new LinkedHashMap<>(values);
        changed.put(setting.path(), new Value(setting, value, origin));
        return new SettingValues(changed);
    }

    public Value value(String path) {
        Value value = values.get(path);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + path);
        }
        return value;
    }

    /** The text, or empty when unset or blank. */
    public Optional<String> text(String path) {
        return Optional.ofNullable((String) value(path).value()).filter(text -> !text.isBlank());
    }

    public long number(String path) {
        return (Long) value(path).value();
    }

    public boolean bool(String path) {
        return (Boolean) value(path).value();
    }

    public Duration duration(String path) {
        return (Duration) value(path).value();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String path) {
        return (List<String>) value(path).value();
    }

    /** A refusal naming the setting and, unless it is the default, where it was set. */
    public SettingsException refuse(String path, String message) {
        Value value = value(path);
        String where = value.origin().equals("default") ? "" : ", set in " + value.origin();
        return new SettingsException("setting " + value.setting().label() + where + ": " + message);
    }

    /** Every setting as {@code path=value}, secrets as {@code ***}; safe to log. */
    @Override
    public String toString() {
        return SettingCatalog.ALL.stream().map(setting -> setting.path() + "=" + shown(values.get(setting.path())))
                .collect(Collectors.joining(", ", "SettingValues[", "]"));
    }

    private static String shown(Value value) {
        if (value.value() == null) {
            return "";
        }
        return value.setting().secret() ? "***" : String.valueOf(value.value());
    }
}

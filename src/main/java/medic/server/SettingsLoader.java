package medic.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import medic.inventory.yaml.ConfigFileException;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.Problems;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;
import medic.inventory.yaml.YamlReader;
import medic.inventory.yaml.YamlScalar;

/**
 * Reads the settings: defaults, then the YAML file (strict: an unknown field or a wrong type is reported with
 * {@code file:line:column} and the field), then the environment, which overrides both.
 */
public final class SettingsLoader {
    private SettingsLoader() {
    }

    /**
     * @param file the settings file, or empty for environment and defaults only
     * @throws ConfigFileException listing every problem of the file, one per line
     * @throws SettingsException   one line naming the environment variable whose value is unusable
     */
    public static SettingValues load(Optional<Path> file, Map<String, String> environment) {
        SettingValues values = SettingValues.defaults();
        if (file.isPresent()) {
            values = fromFile(values, read(file.get()), file.get().toString());
        }
        return fromEnvironment(values, environment);
    }

    /** Applies the YAML text {@code yaml} (named {@code fileName} in messages) over {@code values}. */
    static SettingValues fromFile(SettingValues values, String yaml, String fileName) {
        Problems problems = new Problems();
        Optional<YamlMap> root = YamlReader.read(yaml, fileName, problems);
        SettingValues[] result = {values};
        root.ifPresent(map -> walk(map, "", problems, result));
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems.list());
        }
        return result[0];
    }

    private static void walk(YamlMap map, String prefix, Problems problems, SettingValues[] result) {
        Fields fields = Fields.of(map, problems, "a mapping").orElseThrow();
        for (String child : children(prefix)) {
            String path = prefix + child;
            Optional<Setting> leaf = SettingCatalog.byPath(path);
            if (leaf.isPresent()) {
                fields.node(child).ifPresent(node -> read(leaf.get(), node, fields)
                        .ifPresent(value -> result[0] = result[0].with(leaf.get(), value, where(node))));
            } else {
                fields.mapping(child, "a mapping of " + path + " settings")
                        .ifPresent(group -> walk(group, path + ".", problems, result));
            }
        }
        fields.rejectUnknown();
    }

    private static Optional<Object> read(Setting setting, YamlNode node, Fields fields) {
        return switch (setting.kind()) {
            case TEXT -> fields.text(node).map(text -> (Object) text);
            case WHOLE_NUMBER -> fields.integer(last(setting)).map(number -> (Object) number);
            case BOOLEAN -> fields.bool(last(setting)).map(bool -> (Object) bool);
            case LIST -> Optional.of(fields.textList(last(setting)).stream().map(YamlScalar::text).toList());
            case DURATION -> fields.text(node).flatMap(text -> {
                try {
                    return Optional.of(setting.kind().parse(text));
                } catch (IllegalArgumentException e) {
                    fields.problems().add(node, e.getMessage());
                    return Optional.empty();
                }
            });
        };
    }

    private static SettingValues fromEnvironment(SettingValues values, Map<String, String> environment) {
        SettingValues result = values;
        for (Setting setting : SettingCatalog.ALL) {
            String text = environment.get(setting.env());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                result = result.with(setting, setting.kind().parse(text), setting.env());
            } catch (IllegalArgumentException e) {
                // A secret's value never reaches a message, even when it is wrong.
                throw new SettingsException("environment variable " + setting.env() + " (" + setting.path() + "): "
                        + (setting.secret() ? "expected " + setting.kind().expected() : e.getMessage()));
            }
        }
        return result;
    }

    private static Set<String> children(String prefix) {
        Set<String> children = new LinkedHashSet<>();
        for (Setting setting : SettingCatalog.ALL) {
            if (setting.path().startsWith(prefix)) {
                String rest = setting.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                children.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return children;
    }

    private static String last(Setting setting) {
        return setting.path().substring(setting.path().lastIndexOf('.') + 1);
    }

    private static String where(YamlNode node) {
        return node.location().file() + ":" + node.location().line();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SettingsException("settings file " + file + " (--config or " + SettingCatalog.CONFIG_ENV
                    + ") does not exist; check the path");
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + " (--config or "
                    + SettingCatalog.CONFIG_ENV + "): " + e.getMessage());
        }
    }
}

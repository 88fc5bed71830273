package medic.slack.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The message texts, read once: the defaults shipped on the classpath under templates/, optionally overridden
 * template by template from files of the same name in a directory. Loading validates everything (unknown or
 * missing templates and placeholders are errors naming file and line), so rendering cannot fail on a typo.
 */
public final class MessageTemplates {
    private static final String CLASSPATH_DIR = "templates/";
    private static volatile MessageTemplates defaults;
    private final Map<String, Template> templates;

    private MessageTemplates(Map<String, Template> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The templates shipped with medic (loaded and validated on first use). */
    public static MessageTemplates defaults() {
        MessageTemplates loaded = defaults;
        if (loaded == null) {
            loaded = load(null);
            defaults = loaded;
        }
        return loaded;
    }

    /**
     * The shipped templates with those defined in {@code overrideDir}'s files (e.g. incident.txt) in their
     * place; {@code null} for none. A file there may define any subset of its templates.
     */
    public static MessageTemplates load(Path overrideDir) {
        Map<String, Map<String, TemplateSpec>> specsByFile = new TreeMap<>();
        TemplateCatalog.ALL.forEach(spec -> specsByFile.computeIfAbsent(spec.fileName(), f -> new LinkedHashMap<>())
                .put(spec.name(), spec));
        Map<String, Template> loaded = new LinkedHashMap<>();
        specsByFile.forEach((file, specs) -> loaded.putAll(TemplateFile.parse(CLASSPATH_DIR + file,
                classpath(CLASSPATH_DIR + file), specs)));
        if (overrideDir != null) {
            for (Path file : overrideFiles(overrideDir)) {
                Map<String, TemplateSpec> specs = specsByFile.get(file.getFileName().toString());
                if (specs == null) {
                    throw new TemplateException(file + ": not a template file medic knows; the files are "
                            + specsByFile.keySet());
                }
                loaded.putAll(TemplateFile.parse(file.toString(), read(file), specs));
            }
        }
        Set<String> missing = new TreeSet<>(TemplateCatalog.byName().keySet());
        missing.removeAll(loaded.keySet());
        if (!missing.isEmpty()) {
            throw new TemplateException("missing templates: " + missing.stream()
                    .map(n -> CLASSPATH_DIR + TemplateCatalog.byName().get(n).fileName() + " [" + n + "]")
                    .collect(Collectors.joining(", ")));
        }
        return new MessageTemplates(loaded);
    }

    /** Renders a mrkdwn template; text values are escaped, {@link Mrkdwn} values inserted as they are. */
    Mrkdwn mrkdwn(String name, Map<String, ?> values) {
        return Mrkdwn.trusted(template(name, TemplateSpec.Kind.MRKDWN).render(values));
    }

    /** Renders a plain-text template (headers, buttons, dialogs). */
    String plain(String name, Map<String, ?> values) {
        return template(name, TemplateSpec.Kind.PLAIN).render(values);
    }

    /** Placeholder values from name, value pairs; a null value renders as nothing. */
    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            values.put((String) namesAndValues[i], value == null ? "" : value);
        }
        return values;
    }

    private Template template(String name, TemplateSpec.Kind kind) {
        Template template = templates.get(name);
        if (template == null || template.spec().kind() != kind) {
            throw new IllegalArgumentException("no " + kind + " template [" + name + "] in the catalog");
        }
        return template;
    }

    private static String classpath(String resource) {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(resource + ": not on the classpath (the build copies templates/ into the jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static java.util.List<Path> overrideFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TemplateException(dir + ": the template override directory does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot read: " + e.getMessage());
        }
    }
}

package medic.nginx.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a main file and everything its {@code include} directives reach. Relative include paths resolve
 * against the prefix nginx uses, the main file's directory; a glob may match nothing, a plain path must exist.
 */
public final class ConfigLoader {
    private final ConfigSource source;
    private final String prefix;
    private final Map<String, ConfigFile> files = new LinkedHashMap<>();
    private final Map<Directive, List<String>> includes = new IdentityHashMap<>();
    private final Map<String, List<Directive>> includesOf = new java.util.HashMap<>();
    private final Deque<String> reading = new ArrayDeque<>();

    private ConfigLoader(ConfigSource source, String prefix) {
        this.source = source;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** Loads {@code mainPath} (absolute) with relative includes resolved against {@code prefix}. */
    public static ConfigTree load(ConfigSource source, String mainPath, String prefix, String baseDir,
                                  String preamble) {
        ConfigLoader loader = new ConfigLoader(source, prefix);
        String text = source.read(mainPath).orElseThrow(() ->
                new ConfigSyntaxException(mainPath, 0, "cannot read the main config file"));
        loader.loadFile(mainPath, text);
        return new ConfigTree(mainPath, baseDir, loader.files, loader.includes, preamble);
    }

    private void loadFile(String path, String text) {
        if (reading.contains(path)) {
            throw new ConfigSyntaxException(path, 1, "include cycle: " + String.join(" -> ", reading) + " -> " + path);
        }
        List<Directive> found = includesOf.get(path);
        if (found == null) {
            ConfigParser.Parsed parsed = ConfigParser.parseWithIncludes(path, text);
            files.put(path, parsed.file());
            found = parsed.includes();
            includesOf.put(path, found);
        }
        reading.push(path);
        // The parser lists a file's include directives in file order, the order a walk of its tree would meet them.
        for (Directive include : found) {
            resolveInclude(include);
        }
        reading.pop();
    }

    private void resolveInclude(Directive include) {
        if (include.argCount() != 1) {
            throw new ConfigSyntaxException(include.file(), include.line(),
                    "invalid number of arguments in \"include\" directive");
        }
        String pattern = include.arg(0);
        String absolute = pattern.startsWith("/") ? pattern : prefix + pattern;
        List<String> paths = new ArrayList<>();
        if (isGlob(pattern)) {
            paths.addAll(source.glob(absolute));
        } else {
            paths.add(absolute);
        }
        for (String path : paths) {
            String text = files.containsKey(path) ? files.get(path).source() : source.read(path).orElseThrow(() ->
                    new ConfigSyntaxException(include.file(), include.line(),
                            "include \"" + pattern + "\": no such file " + path
                                    + " (check the path, or pass --prefix if nginx runs with -p)"));
            loadFile(path, text);
        }
        includes.put(include, List.copyOf(paths));
    }

    static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }
}

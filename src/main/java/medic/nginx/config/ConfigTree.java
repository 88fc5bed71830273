package medic.nginx.config;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole configuration: the main file, every file reached through {@code include}, and which files each
 * include directive brought in. Paths are absolute; {@link #relative} gives the form people and diffs use.
 */
public final class ConfigTree {
    private final String mainPath;
    private final String baseDir;
    private final Map<String, ConfigFile> files;
    private final Map<Directive, List<String>> includes;
    private final String preamble;
    /** Each file's path relative to {@link #baseDir}: findings and messages ask for it thousands of times. */
    private final Map<String, String> relativePaths = new java.util.HashMap<>();

    ConfigTree(String mainPath, String baseDir, Map<String, ConfigFile> files,
               Map<Directive, List<String>> includes, String preamble) {
        this.mainPath = mainPath;
        this.baseDir = baseDir.endsWith("/") ? baseDir : baseDir + "/";
        this.files = new LinkedHashMap<>(files);
        this.includes = new IdentityHashMap<>(includes);
        this.preamble = preamble;
        for (String path : files.keySet()) {
            relativePaths.put(path, cut(path));
        }
    }

    public ConfigFile main() {
        return files.get(mainPath);
    }

    public String mainPath() {
        return mainPath;
    }

    /** The directory diffs and messages are relative to: the main file's directory, or "/" for a dump. */
    public String baseDir() {
        return baseDir;
    }

    /** Every file in the order nginx would read it first. */
    public Map<String, ConfigFile> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    public ConfigFile file(String path) {
        return files.get(path);
    }

    /** The files an {@code include} directive brought in, in nginx's order (empty for an empty glob). */
    public List<String> included(Directive include) {
        return includes.getOrDefault(include, List.of());
    }

    /** How many include directives of the tree bring in {@code path} (0 for the main file). */
    public int includers(String path) {
        int count = 0;
        for (List<String> paths : includes.values()) {
            if (paths.contains(path)) {
                count++;
            }
        }
        return count;
    }

    /** Text that stood before the first file marker of an {@code nginx -T} dump (nginx's verdict lines). */
    public String preamble() {
        return preamble;
    }

    /** A path as people read it: relative to {@link #baseDir()} when inside it. */
    public String relative(String path) {
        String known = relativePaths.get(path);
        return known != null ? known : cut(path);
    }

    private String cut(String path) {
        return path.startsWith(baseDir) ? path.substring(baseDir.length()) : path;
    }
}

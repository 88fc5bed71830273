package medic.nginx.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of an {@code nginx -T} dump. nginx writes each file once as {@code # configuration file PATH:},
 * a newline, the file's bytes and one more newline. A marker is taken as a file boundary only when its path
 * is new and an include seen earlier in the dump can reach it, so a comment holding the same text stays text.
 */
public final class DumpConfigSource implements ConfigSource {
    private static final String MARKER = "# configuration file ";
    private static final Pattern INCLUDE = Pattern.compile(
            "(?:^|[\\s;{}])include\\s+(\"[^\"]*\"|'[^']*'|[^\\s;]+)\\s*;");

    private final Map<String, String> files;

    private DumpConfigSource(Map<String, String> files) {
        this.files = files;
    }

    /** Splits and parses a dump; {@code label} names the dump in errors. */
    public static ConfigTree load(String dump, String label) {
        String text = dump;
        List<int[]> markers = markers(text);
        if (markers.isEmpty()) {
            throw new ConfigSyntaxException(label, 1,
                    "not an nginx -T dump: no \"# configuration file PATH:\" line (run nginx -T and save its stdout)");
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        String prefix = null;
        int first = markers.get(0)[0];
        int contentStart = -1;
        String currentPath = null;
        for (int[] marker : markers) {
            String path = text.substring(marker[0] + MARKER.length(), marker[1] - 2);
            if (currentPath != null) {
                String soFar = text.substring(contentStart, marker[0]);
                if (files.containsKey(path) || !reachable(path, soFar, patterns, prefix)) {
                    continue;
                }
                files.put(currentPath, stripFinalNewline(soFar));
                collectIncludes(soFar, patterns);
            } else {
                prefix = parentOf(path);
            }
            currentPath = path;
            contentStart = marker[1];
        }
        files.put(currentPath, stripFinalNewline(text.substring(contentStart)));
        String mainPath = files.keySet().iterator().next();
        return ConfigLoader.load(new DumpConfigSource(files), mainPath, prefix, "/", text.substring(0, first));
    }

    /** Start offsets of marker lines and the offset just past each line's newline. */
    private static List<int[]> markers(String text) {
        List<int[]> found = new ArrayList<>();
        int at = text.startsWith(MARKER) ? 0 : indexOfLine(text, 0);
        while (at >= 0) {
            int eol = text.indexOf('\n', at);
            int lineEnd = eol < 0 ? text.length() : eol;
            if (lineEnd - at > MARKER.length() + 1 && text.charAt(lineEnd - 1) == ':' && text.charAt(at + MARKER.length()) == '/') {
                found.add(new int[] {at, Math.min(text.length(), lineEnd + 1)});
            }
            at = eol < 0 ? -1 : indexOfLine(text, eol + 1);
        }
        return found;
    }

    private static int indexOfLine(String text, int from) {
        int at = text.indexOf("\n" + MARKER, from > 0 ? from - 1 : 0);
        return at < 0 ? -1 : at + 1;
    }

    private static boolean reachable(String path, String currentText, List<String> patterns, String prefix) {
        List<String> candidates = new ArrayList<>(patterns);
        collectIncludes(currentText, candidates);
        for (String pattern : candidates) {
            String absolute = pattern.startsWith("/") ? pattern : prefix + "/" + pattern;
            if (absolute.equals(path)) {
                return true;
            }
            if (ConfigLoader.isGlob(pattern)) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
                if (matcher.matches(Path.of(path))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectIncludes(String text, List<String> into) {
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            String arg = m.group(1);
            if (arg.length() >= 2 && (arg.charAt(0) == '"' || arg.charAt(0) == '\'')) {
                arg = arg.substring(1, arg.length() - 1);
            }
            into.add(arg);
        }
    }

    private static String stripFinalNewline(String content) {
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public Optional<String> read(String absolutePath) {
        return Optional.ofNullable(files.get(absolutePath));
    }

    @Override
    public List<String> glob(String absolutePattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        return files.keySet().stream().filter(p -> matcher.matches(Path.of(p))).sorted().toList();
    }
}

package medic.nginx.harden;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigLoader;
import medic.nginx.config.ConfigSource;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.Directive;
import medic.nginx.config.Node;

/** The files of a config tree with a proposal's edited texts swapped in, read as a new tree (no I/O). */
final class HardenedSource implements ConfigSource {
    private final Map<String, String> files;

    private HardenedSource(Map<String, String> files) {
        this.files = files;
    }

    static ConfigTree reload(ConfigTree tree, Proposal proposal) {
        Map<String, String> texts = new LinkedHashMap<>();
        tree.files().forEach((path, file) -> texts.put(path, file.source()));
        proposal.files().forEach(change -> texts.put(change.path(), change.after()));
        return ConfigLoader.load(new HardenedSource(texts), tree.mainPath(), prefixOf(tree), tree.baseDir(),
                tree.preamble());
    }

    /**
     * The directory relative includes were resolved against. The tree does not record it, but every relative
     * include that matched a file shows it: the file's path minus as many trailing parts as the pattern has.
     * Without relative includes it does not matter, and the main file's directory stands in.
     */
    static String prefixOf(ConfigTree tree) {
        for (ConfigFile file : tree.files().values()) {
            String prefix = prefixOf(tree, file.nodes());
            if (prefix != null) {
                return prefix;
            }
        }
        String main = tree.mainPath();
        return main.substring(0, Math.max(1, main.lastIndexOf('/')));
    }

    private static String prefixOf(ConfigTree tree, List<Node> nodes) {
        for (Node node : nodes) {
            if (!(node instanceof Directive d)) {
                continue;
            }
            if (d.name().equals("include") && !d.isBlock() && d.argCount() == 1 && !d.arg(0).startsWith("/")
                    && !tree.included(d).isEmpty()) {
                String path = tree.included(d).get(0);
                int parts = d.arg(0).split("/", -1).length;
                int cut = path.length();
                for (int i = 0; i < parts && cut > 0; i++) {
                    cut = path.lastIndexOf('/', cut - 1);
                }
                return cut <= 0 ? "/" : path.substring(0, cut);
            }
            String inner = prefixOf(tree, d.children());
            if (inner != null) {
                return inner;
            }
        }
        return null;
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

package medic.bench;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.nginx.config.ConfigSource;

/** Config files held in memory, so a benchmark times parsing without the disk. */
final class MemoryConfigSource implements ConfigSource {
    private final Map<String, String> files;

    /** {@code files} maps absolute paths to their text. */
    MemoryConfigSource(Map<String, String> files) {
        this.files = Map.copyOf(files);
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

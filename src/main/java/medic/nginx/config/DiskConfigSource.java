package medic.nginx.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Config files read from the local disk: the only file I/O of the config reader. */
public final class DiskConfigSource implements ConfigSource {

    /** Loads a config tree from disk; {@code prefix} null means the main file's directory. */
    public static ConfigTree load(Path mainFile, Path prefix) {
        Path main = mainFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(main)) {
            throw new ConfigSyntaxException(mainFile.toString(), 0, "no such config file");
        }
        String dir = main.getParent().toString();
        String prefixDir = prefix == null ? dir : prefix.toAbsolutePath().normalize().toString();
        return ConfigLoader.load(new DiskConfigSource(), main.toString(), prefixDir, dir, "");
    }

    @Override
    public Optional<String> read(String absolutePath) {
        Path path = Path.of(absolutePath);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            return Optional.of(readLatin1(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String readLatin1(Path path) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> glob(String absolutePattern) {
        Path pattern = Path.of(absolutePattern);
        Path base = pattern.getRoot();
        int depth = 0;
        for (Path part : pattern) {
            if (depth > 0 || ConfigLoader.isGlob(part.toString())) {
                depth++;
            } else {
                base = base.resolve(part);
            }
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(matcher::matches)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            || pattern.getFileName().toString().startsWith("."))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }
}

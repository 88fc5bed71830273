package medic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away nginx prefix directory ({@code nginx -p}) holding {@code logs/}, {@code temp/} and, for a
 * started nginx, a copy of the configuration in {@code conf/}.
 */
final class NginxPrefix {

    private final Path root;

    private NginxPrefix(Path root) {
        this.root = root;
    }

    static NginxPrefix create() {
        try {
            Path root = Files.createTempDirectory("medic-nginx-");
            // Workers run as "nobody" under root: they must be able to enter the prefix and its temp dirs.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(root.resolve("logs"));
            // nginx creates only the last path component of a *_temp_path: temp/ must exist.
            Files.createDirectories(root.resolve("temp"));
            return new NginxPrefix(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary nginx prefix under "
                    + System.getProperty("java.io.tmpdir"), e);
        }
    }

    Path root() {
        return root;
    }

    /** The prefix as nginx's {@code -p} wants it: absolute, with a trailing slash. */
    String argument() {
        return root.toAbsolutePath() + "/";
    }

    /** Copies every file of {@code source} into {@code conf/}, replacing each placeholder key by its value. */
    Path copyConfig(Path source, Map<String, String> placeholders) {
        Path target = root.resolve("conf");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                // ISO-8859-1 maps bytes 1:1, so configs that are not UTF-8 survive the round trip.
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                    text = text.replace(placeholder.getKey(), placeholder.getValue());
                }
                Files.writeString(copy, text, StandardCharsets.ISO_8859_1);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy nginx config " + source + " into " + target, e);
        }
    }

    /** Reads a file nginx wrote into the prefix, or "" when it does not exist. */
    String read(String relativePath) {
        Path file = root.resolve(relativePath);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete nginx prefix " + root, e);
        }
    }
}

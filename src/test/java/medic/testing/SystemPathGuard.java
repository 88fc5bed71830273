package medic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Refuses fixture configs that name the system nginx's files, so tests never read or write them. */
final class SystemPathGuard {

    private static final List<String> SYSTEM_PATHS = List.of("/etc/nginx", "/var/log/nginx", "/var/lib/nginx",
            "/run/nginx", "/var/run/nginx");

    private SystemPathGuard() {
    }

    /** Throws naming file and line when a non-comment line of any file under {@code configDir} has a system path. */
    static void check(Path configDir) {
        try (Stream<Path> files = Files.walk(configDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                checkFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nginx config directory " + configDir, e);
        }
    }

    private static void checkFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.startsWith("#")) {
                continue;
            }
            for (String systemPath : SYSTEM_PATHS) {
                if (line.contains(systemPath)) {
                    throw new IllegalArgumentException(file + ":" + (index + 1) + " refers to " + systemPath
                            + "; NginxHarness keeps nginx inside its temporary prefix: use a relative path"
                            + " (logs/error.log, logs/nginx.pid, temp/proxy) or copy the file into the fixture");
                }
            }
        }
    }
}

package medic.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import medic.nginx.config.ConfigFile;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxVersion;

/**
 * One directory of fixtures/ with an expected.txt: its config (nginx.conf, or the {@code nginx -T} dump
 * nginx-T.txt), its captured error.log when there is one, and the expectations its author wrote down.
 */
record DiagnosisFixture(String name, Path dir, List<Expectation> expectations) {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    static final NginxVersion VERSION = NginxVersion.parse("1.22.1");
    static final String DUMP = "nginx-T.txt";

    /** Every fixture directory that says what its diagnosis must contain, by name. */
    static List<DiagnosisFixture> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.txt"))).sorted().map(DiagnosisFixture::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DiagnosisFixture named(String name) {
        return read(ROOT.resolve(name));
    }

    static DiagnosisFixture read(Path dir) {
        Path file = dir.resolve("expected.txt");
        List<Expectation> expectations = new ArrayList<>();
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                expectations.add(Expectation.parse(line, file + ":" + (i + 1)));
            }
        }
        return new DiagnosisFixture(dir.getFileName().toString(), dir.toAbsolutePath().normalize(), expectations);
    }

    boolean isDump() {
        return Files.isRegularFile(dir.resolve(DUMP));
    }

    ConfigTree tree() {
        if (isDump()) {
            return DumpConfigSource.load(readString(dir.resolve(DUMP)), name + "/" + DUMP);
        }
        return DiskConfigSource.load(dir.resolve("nginx.conf"), null);
    }

    /** The captured error log's bytes, or null when the fixture has none. */
    byte[] errorLog() {
        Path log = dir.resolve("error.log");
        try {
            return Files.isRegularFile(log) ? Files.readAllBytes(log) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real pipeline on this fixture: nginx 1.22.1, its error log, nothing known about the backends. */
    Diagnosis diagnose() {
        return diagnose(BackendFacts.NONE);
    }

    /** The same with what is known about the backends, for claims expected.txt cannot state. */
    Diagnosis diagnose(BackendFacts facts) {
        return Diagnostician.diagnose(tree(), errorLog(), VERSION, facts);
    }

    /** The absolute path a finding names: Finding.file() is relative to the tree's base directory. */
    static Path pathOf(ConfigTree tree, Finding finding) {
        return Path.of(tree.baseDir()).resolve(finding.file()).normalize();
    }

    /** The absolute path an expectation names: relative to the fixture directory, or absolute for dumps. */
    Path pathOf(Expectation expectation) {
        return dir.resolve(expectation.file()).normalize();
    }

    /**
     * Writes the config's files under {@code into} as nginx reads them: a disk fixture keeps its layout
     * (every file of the directory is copied), a dump's files land at their absolute paths under {@code into}.
     * Returns the directory holding the main file.
     */
    Path materialize(ConfigTree tree, Path into) {
        try {
            if (!isDump()) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        Path target = into.resolve(dir.relativize(p).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
                return into;
            }
            for (ConfigFile file : tree.files().values()) {
                Path target = inside(into, file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.source(), StandardCharsets.UTF_8);
            }
            return inside(into, tree.mainPath()).getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an absolute config path lands in a materialized copy. */
    Path inside(Path into, String absolutePath) {
        return isDump() ? into.resolve(absolutePath.substring(1)) : into.resolve(dir.relativize(Path.of(absolutePath)));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

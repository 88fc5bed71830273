package medic.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import medic.inventory.yaml.ConfigFileException;
import medic.inventory.yaml.Problem;
import org.junit.jupiter.api.DynamicTest;

/**
 * One fixture per invalid file, Alertmanager style: {@code name.yaml} is refused with exactly the problems in
 * {@code name.expected} (one per line, without the file name, which depends on the checkout).
 */
public final class InvalidFixtures {
    private InvalidFixtures() {
    }

    public static Stream<DynamicTest> each(Path directory, Consumer<Path> loader) {
        List<Path> inputs = list(directory, ".yaml");
        assertFalse(inputs.isEmpty(), "no fixtures in " + directory);
        for (Path expected : list(directory, ".expected")) {
            String stem = expected.getFileName().toString().replace(".expected", "");
            assertTrue(Files.exists(directory.resolve(stem + ".yaml")), expected + " has no " + stem + ".yaml");
        }
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            Path expectedFile = directory.resolve(input.getFileName().toString().replace(".yaml", ".expected"));
            assertTrue(Files.exists(expectedFile), "write the expected problems to " + expectedFile);
            ConfigFileException refused = assertThrows(ConfigFileException.class, () -> loader.accept(input));
            for (Problem problem : refused.problems()) {
                assertEquals(input.toString(), problem.location().file(), "problems name the file they are in");
            }
            String actual = refused.problems().stream().map(Problem::withoutFile).collect(Collectors.joining("\n"));
            assertEquals(read(expectedFile).strip(), actual, "problems reported for " + input);
        }));
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The leak corpus: files seeded with the fake secrets of {@code redact/secrets.txt} (real nginx 1.22.1 error and
 * access log lines among them) must come out with none of them, not even a 10-character piece; ordinary files
 * (Debian's stock configuration and its {@code nginx -T} dump, captured logs) must come out byte for byte.
 */
class RedactionCorpusTest {

    /** A secret leaks if any run of this many of its characters survives. */
    private static final int LEAK_WINDOW = 10;

    record Secret(String shape, String value) {}

    @Test
    void the_manifest_covers_at_least_thirty_distinct_shapes() {
        assertTrue(secrets().stream().map(Secret::shape).distinct().count() >= 30);
    }

    @Test
    void every_manifest_secret_is_seeded_into_some_leaky_file() {
        List<String> inputs = leakyFiles().map(RedactionCorpusTest::read).toList();
        for (Secret secret : secrets()) {
            assertTrue(inputs.stream().anyMatch(text -> text.contains(secret.value())),
                    () -> secret.shape() + " is in secrets.txt but in no leaky file, so the leak test could not catch it");
        }
    }

    @ParameterizedTest
    @MethodSource("leakyFiles")
    void no_manifest_secret_survives_the_files_own_mode(Path file) {
        assertNoLeak(file, Mode.forFile(file.getFileName().toString()).redact(read(file)).text());
    }

    @ParameterizedTest
    @MethodSource("leakyFiles")
    void no_manifest_secret_survives_text_mode(Path file) {
        assertNoLeak(file, Mode.TEXT.redact(read(file)).text());
    }

    @ParameterizedTest
    @MethodSource("leakyFiles")
    void redaction_keeps_every_line_and_is_idempotent(Path file) {
        Mode mode = Mode.forFile(file.getFileName().toString());
        String input = read(file);
        Redaction once = mode.redact(input);
        Redaction twice = mode.redact(once.text());

        assertEquals(input.split("\n", -1).length, once.text().split("\n", -1).length, "line count");
        assertTrue(once.maskedCount() > 0);
        assertEquals(once.text(), twice.text());
        assertEquals(0, twice.maskedCount());
    }

    @ParameterizedTest
    @MethodSource("cleanFiles")
    void ordinary_files_pass_through_byte_for_byte_in_every_mode(Path file) {
        String input = read(file);
        for (Mode mode : Mode.values()) {
            Redaction redaction = mode.redact(input);
            assertEquals(input, redaction.text(), () -> mode + " changed " + file.getFileName());
            assertEquals(0, redaction.maskedCount(), () -> mode + " counted masks in " + file.getFileName());
        }
    }

    private static void assertNoLeak(Path file, String output) {
        for (Secret secret : secrets()) {
            String value = secret.value();
            assertFalse(output.contains(value), () -> secret.shape() + " leaked whole from " + file.getFileName());
            for (int i = 0; i + LEAK_WINDOW <= value.length(); i++) {
                String piece = value.substring(i, i + LEAK_WINDOW);
                assertFalse(output.contains(piece),
                        () -> secret.shape() + " leaked '" + piece + "' from " + file.getFileName());
            }
        }
    }

    static List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        for (String line : read(resource("secrets.txt")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split("\t", 2);
                secrets.add(new Secret(fields[0], fields[1]));
            }
        }
        return secrets;
    }

    static Stream<Path> leakyFiles() {
        return list("leaky");
    }

    static Stream<Path> cleanFiles() {
        return list("clean");
    }

    private static Stream<Path> list(String directory) {
        try (Stream<Path> files = Files.list(resource(directory))) {
            return files.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(RedactionCorpusTest.class.getResource("/redact/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
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

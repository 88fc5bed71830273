package medic.nginx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The config reader on every fixture: lossless round trips, includes, dumps and malformed files. */
class FixtureConfigTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<Path> validConfigFiles() throws IOException {
        return Files.walk(FIXTURES)
                .filter(p -> p.toString().endsWith(".conf") || p.getFileName().toString().equals("mime.types"))
                .filter(p -> !p.toString().contains("/malformed/"))
                .sorted();
    }

    @TestFactory
    Stream<DynamicTest> printing_every_fixture_file_gives_back_its_bytes() throws IOException {
        return validConfigFiles().map(path -> DynamicTest.dynamicTest(FIXTURES.relativize(path).toString(), () -> {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            assertEquals(text, ConfigParser.parse(path.toString(), text).print());
        }));
    }

    @Test
    void includes_follow_globs_relative_to_the_main_files_directory_and_skip_non_matching_names() {
        ConfigTree tree = DiskConfigSource.load(FIXTURES.resolve("includes/nginx.conf"), null);
        List<String> files = tree.files().keySet().stream().map(tree::relative).toList();
        assertEquals(List.of("nginx.conf", "mime.types", "conf.d/00-maps.conf", "conf.d/10-upstreams.conf",
                "conf.d/20-logging.conf", "conf.d/app.conf", "snippets/proxy-headers.conf", "snippets/proxy-ws.conf"),
                files);
        assertFalse(files.contains("conf.d/legacy.conf.disabled"));
    }

    @Test
    void a_dump_splits_into_the_files_nginx_printed_with_their_exact_text() throws IOException {
        Path dir = FIXTURES.resolve("dump-includes");
        ConfigTree tree = DumpConfigSource.load(Files.readString(dir.resolve("nginx-T.txt")), "nginx-T.txt");
        List<String> expected = Files.readAllLines(dir.resolve("files.expected")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertEquals(expected.size(), tree.files().size(), "files: " + tree.files().keySet());
        int i = 0;
        for (ConfigFile file : tree.files().values()) {
            String[] parts = expected.get(i++).split(" ");
            assertEquals(parts[0], file.path());
            String original = Files.readString(FIXTURES.resolve("includes")
                    .resolve(file.path().substring("/etc/medic-fixture/".length())));
            assertEquals(original, file.source(), file.path());
            assertEquals(original, file.print());
        }
        assertEquals("/", tree.baseDir());
        assertEquals("etc/medic-fixture/conf.d/app.conf", tree.relative("/etc/medic-fixture/conf.d/app.conf"));
    }

    @Test
    void text_that_is_not_a_dump_is_refused_with_a_hint() {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                () -> DumpConfigSource.load("events {}\n", "saved.txt"));
        assertTrue(e.getMessage().contains("not an nginx -T dump"), e.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> malformed_files_fail_at_the_line_nginx_names() throws IOException {
        return Files.list(FIXTURES.resolve("malformed")).filter(p -> p.toString().endsWith(".conf")).sorted()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    String expected = Files.readString(Path.of(path.toString().replace(".conf", ".expected"))).trim();
                    int line = Integer.parseInt(expected.substring(0, expected.indexOf(' ')));
                    String message = expected.substring(expected.indexOf(' ') + 1)
                            .replace("{dir}", path.getParent().toAbsolutePath().normalize().toString());
                    if (message.startsWith("unknown directive \"content_by_lua_block\"")) {
                        // Valid syntax: only nginx without the Lua module refuses it, and medic reads Lua blocks.
                        DiskConfigSource.load(path, null);
                        return;
                    }
                    ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class,
                            () -> DiskConfigSource.load(path, null));
                    assertEquals(line, e.line(), e.getMessage());
                    String reason = message.startsWith("open() ") ? "no such file" : message;
                    assertTrue(e.reason().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
                }));
    }
}

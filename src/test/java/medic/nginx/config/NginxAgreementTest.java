package medic.nginx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import medic.testing.NginxHarness;
import medic.testing.NginxResult;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Debian's nginx is the oracle: medic reads what nginx loads, and refuses what nginx refuses at its line. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class NginxAgreementTest {
    private static final Path FIXTURES = FixtureConfigTest.FIXTURES;
    private static final Pattern NGINX_ERROR_LINE = Pattern.compile(" in (\\S+):(\\d+)");

    static Stream<Path> loadable() throws IOException {
        Stream<Path> mains = Files.list(FIXTURES).map(d -> d.resolve("nginx.conf")).filter(Files::isRegularFile);
        Stream<Path> tokenizer = Files.list(FIXTURES.resolve("tokenizer")).filter(p -> p.toString().endsWith(".conf"));
        Stream<Path> lua = Files.exists(Path.of("/usr/lib/nginx/modules/ngx_http_lua_module.so"))
                ? Stream.of(FIXTURES.resolve("tokenizer-lua/lua-blocks.conf")) : Stream.empty();
        return Stream.of(mains, tokenizer, lua).flatMap(s -> s).sorted();
    }

    @TestFactory
    Stream<DynamicTest> configs_nginx_loads_are_read_whole() throws IOException {
        NginxHarness nginx = NginxHarness.installed();
        return loadable().map(path -> DynamicTest.dynamicTest(FIXTURES.relativize(path).toString(), () -> {
            NginxResult verdict = nginx.test(path.getParent(), path.getFileName().toString());
            assertTrue(verdict.passed(), "nginx -t refused a fixture: " + verdict.stderr());
            ConfigTree tree = DiskConfigSource.load(path, null);
            for (ConfigFile file : tree.files().values()) {
                assertEquals(file.source(), file.print(), file.path());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> configs_nginx_refuses_fail_at_the_same_line() throws IOException {
        NginxHarness nginx = NginxHarness.installed();
        return Files.list(FIXTURES.resolve("malformed")).filter(p -> p.toString().endsWith(".conf")).sorted()
                .filter(p -> !p.getFileName().toString().startsWith("lua-"))
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    NginxResult verdict = nginx.test(path.getParent(), path.getFileName().toString());
                    assertFalse(verdict.passed());
                    Matcher m = NGINX_ERROR_LINE.matcher(verdict.stderr());
                    assertTrue(m.find(), verdict.stderr());
                    try {
                        DiskConfigSource.load(path.toAbsolutePath(), null);
                        throw new AssertionError("medic read a config nginx refuses: " + verdict.stderr());
                    } catch (ConfigSyntaxException e) {
                        assertEquals(Integer.parseInt(m.group(2)), e.line(), "nginx: " + verdict.stderr()
                                + "\nmedic: " + e.getMessage());
                        assertTrue(e.file().endsWith(Path.of(m.group(1)).getFileName().toString()), e.file());
                    }
                }));
    }
}

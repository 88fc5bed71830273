package medic.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPathGuardTest {

    @TempDir
    Path configDir;

    @Test
    void refuses_a_fixture_that_writes_the_system_error_log_naming_file_and_line() throws IOException {
        Files.createDirectories(configDir.resolve("conf.d"));
        Path site = Files.writeString(configDir.resolve("conf.d/site.conf"),
                "server {\n    error_log /var/log/nginx/site.error.log;\n}\n");

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SystemPathGuard.check(configDir));

        assertEquals(site + ":2 refers to /var/log/nginx; NginxHarness keeps nginx inside its temporary prefix:"
                + " use a relative path (logs/error.log, logs/nginx.pid, temp/proxy) or copy the file into the fixture",
                failure.getMessage());
    }

    @Test
    void refuses_an_include_of_the_system_config() throws IOException {
        Files.writeString(configDir.resolve("nginx.conf"), "http {\n  include /etc/nginx/mime.types;\n}\n");

        assertThrows(IllegalArgumentException.class, () -> SystemPathGuard.check(configDir));
    }

    @Test
    void accepts_system_paths_in_comments_and_relative_paths() throws IOException {
        Files.writeString(configDir.resolve("nginx.conf"),
                "# copied from /etc/nginx/nginx.conf\nerror_log logs/error.log;\npid logs/nginx.pid;\n");

        assertDoesNotThrow(() -> SystemPathGuard.check(configDir));
    }
}

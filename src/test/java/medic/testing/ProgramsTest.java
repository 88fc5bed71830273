package medic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTest {

    @TempDir
    Path directory;

    @Test
    void finds_an_executable_file_in_the_given_directories() throws IOException {
        Path program = executable(directory.resolve("bin"), "fake-nginx");

        assertEquals(Optional.of(program), Programs.locate("fake-nginx", List.of(directory, directory.resolve("bin"))));
    }

    @Test
    void ignores_files_that_are_not_executable_and_directories() throws IOException {
        Files.writeString(directory.resolve("fake-nginx"), "#!/bin/sh\n");
        Files.createDirectories(directory.resolve("sub/fake-nginx"));

        assertEquals(Optional.empty(), Programs.locate("fake-nginx", List.of(directory, directory.resolve("sub"))));
    }

    @Test
    void looks_in_the_sbin_directories_after_path() {
        List<Path> searchPath = Programs.searchPath("/usr/bin:/bin::/usr/sbin");

        assertEquals(List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/sbin"),
                Path.of("/sbin")), searchPath);
    }

    @Test
    void rejects_a_path_instead_of_a_program_name() {
        assertThrows(IllegalArgumentException.class, () -> Programs.locate("/usr/sbin/nginx"));
    }

    private static Path executable(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.writeString(directory.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

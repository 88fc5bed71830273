package medic.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds installed programs the way a root shell would: PATH first, then the sbin directories PATH often lacks. */
public final class Programs {

    // Debian puts nginx, sshd and friends in /usr/sbin, which is not on a normal user's PATH.
    private static final List<String> SBIN_DIRECTORIES = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private Programs() {
    }

    /** The executable named {@code program} on this machine's search path, if any. */
    public static Optional<Path> locate(String program) {
        return locate(program, searchPath(System.getenv("PATH")));
    }

    /** The first executable regular file named {@code program} in {@code directories}. */
    public static Optional<Path> locate(String program, List<Path> directories) {
        if (program.isEmpty() || program.contains("/")) {
            throw new IllegalArgumentException("program must be a bare name such as \"nginx\", got \"" + program + "\"");
        }
        return directories.stream()
                .map(directory -> directory.resolve(program))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** The directories of a PATH value followed by the sbin directories, without duplicates. */
    static List<Path> searchPath(String pathVariable) {
        List<String> entries = new ArrayList<>();
        if (pathVariable != null) {
            entries.addAll(List.of(pathVariable.split(File.pathSeparator)));
        }
        entries.addAll(SBIN_DIRECTORIES);
        List<Path> directories = new ArrayList<>();
        for (String entry : entries) {
            Optional<Path> directory = toDirectory(entry);
            if (directory.isPresent() && !directories.contains(directory.get())) {
                directories.add(directory.get());
            }
        }
        return directories;
    }

    private static Optional<Path> toDirectory(String entry) {
        if (entry.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(entry));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

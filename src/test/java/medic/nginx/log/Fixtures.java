package medic.nginx.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the error-log fixtures under src/test/resources/log/. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/log/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /log/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8).lines().toList();
    }

    /** The one line of the captured log that contains {@code marker}. */
    static String captured(String marker) {
        List<String> found = lines("nginx-1.22.1-captured.log").stream().filter(l -> l.contains(marker)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " captured lines contain " + marker);
        }
        return found.get(0);
    }
}

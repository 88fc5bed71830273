package medic.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The seed incident's real error-log lines, and appending them to a log file the way nginx does. */
final class SeedLines {
    static final List<String> LINES = read();
    /** Line 4: RESET_READING_HEADER on 127.0.0.1:8080. */
    static final String RESET_HEADER_8080 = LINES.get(3);
    /** Line 5: RESET_READING_HEADER on 127.0.0.1:8081. */
    static final String RESET_HEADER_8081 = LINES.get(4);
    /** Line 20: TIMED_OUT on 127.0.0.1:8080. */
    static final String TIMED_OUT_8080 = LINES.get(19);
    /** Line 8: NO_LIVE_UPSTREAMS on the group ws_upstream. */
    static final String NO_LIVE_UPSTREAMS = LINES.get(7);
    /** An nginx notice that is no upstream failure. */
    static final String NOTICE = "2026/11/23 22:59:58 [notice] 21599#21599: signal process started";

    private SeedLines() {
    }

    private static List<String> read() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/fixtures/seed-incident/error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path log, String... lines) {
        write(log, String.join("\n", lines) + "\n");
    }

    static void write(Path log, String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random cuts of the corpus, with a few stray quotes, braces and separators thrown in, still keep their line
 * count and are fixed points after one redaction, in every mode. The seed is fixed, so a failure reproduces.
 */
class RedactionPropertiesTest {

    private static final String NOISE = "\"'{}=:;#\n\\$<>@/?&";

    @Test
    void random_cuts_keep_their_lines_and_are_idempotent() throws Exception {
        String corpus = corpus();
        Random random = new Random(20261123);
        for (int i = 0; i < 1500; i++) {
            int from = random.nextInt(corpus.length());
            StringBuilder cut = new StringBuilder(corpus.substring(from, Math.min(corpus.length(), from + random.nextInt(3000))));
            for (int k = 0; k < 3 && cut.length() > 0; k++) {
                cut.insert(random.nextInt(cut.length()), NOISE.charAt(random.nextInt(NOISE.length())));
            }
            String input = cut.toString();
            for (Mode mode : Mode.values()) {
                Redaction once = mode.redact(input);
                Redaction twice = mode.redact(once.text());
                String where = mode + " on cut #" + i;
                assertEquals(input.split("\n", -1).length, once.text().split("\n", -1).length, where);
                assertEquals(once.text(), twice.text(), where);
                assertEquals(0, twice.maskedCount(), where);
            }
        }
    }

    private static String corpus() throws IOException, java.net.URISyntaxException {
        Path root = Path.of(RedactionPropertiesTest.class.getResource("/redact").toURI());
        List<String> texts = new ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        return String.join("\n", texts);
    }
}

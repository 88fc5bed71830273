package medic.nginx.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles nginx's PCRE location patterns with java.util.regex, which reads nearly all of them. */
final class PcreTranslator {
    private PcreTranslator() {
    }

    /** The compiled pattern, or null when the pattern uses PCRE syntax Java lacks. */
    static Pattern compile(String pcre, boolean caseless) {
        // Java group names cannot hold '_' and nginx captures are not needed here, so named groups become plain.
        String java = pcre.replaceAll("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>", "(")
                .replaceAll("\\(\\?'([A-Za-z_][A-Za-z0-9_]*)'", "(");
        try {
            return Pattern.compile(java, caseless ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Patterns compiled once per config: generated configs repeat the same few regexes in every server. */
    static final class Cache {
        private final Map<String, Optional<Pattern>> caseSensitive = new HashMap<>();
        private final Map<String, Optional<Pattern>> caseless = new HashMap<>();

        Pattern compile(String pcre, boolean ignoreCase) {
            return (ignoreCase ? caseless : caseSensitive).computeIfAbsent(pcre,
                    key -> Optional.ofNullable(PcreTranslator.compile(pcre, ignoreCase))).orElse(null);
        }
    }
}

package medic.nginx.redact;

import java.util.Locale;
import java.util.Set;

/** Tests on candidate secret values: placeholders, variable references, paths and key-like randomness. */
final class Values {

    private static final Set<String> PLACEHOLDERS = Set.of("true", "false", "null", "nil", "none", "on", "off",
            "yes", "no", "-", "undefined", "empty", "redacted", "[redacted]", "[filtered]", "(none)", "<none>",
            "(null)", "\"\"", "''");

    private Values() {}

    /** Booleans, nulls, starred-out values and bare punctuation ({@code $}, {@code --}) carry no secret. */
    static boolean isPlaceholder(String value) {
        if (value.isEmpty() || PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT))
                || value.chars().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        if (value.length() >= 3) {
            char first = value.charAt(0);
            if (first == '*' || first == 'x' || first == 'X' || first == '.') {
                return value.chars().allMatch(c -> c == first);
            }
        }
        return false;
    }

    /** nginx {@code $var}, {@code ${var}}, {@code $1}; shell {@code ${VAR}}; templating {@code {{ x }}} and {@code %(x)s}. */
    static boolean startsWithReference(String value) {
        if (value.length() < 2) {
            return false;
        }
        char first = value.charAt(0);
        char second = value.charAt(1);
        return first == '$' && (Character.isLetterOrDigit(second) || second == '_' || second == '{')
                || value.startsWith("{{") || value.startsWith("%(") || value.startsWith("%{") || value.startsWith("<%");
    }

    static boolean containsVariable(String value) {
        int i = value.indexOf('$');
        while (i >= 0 && i + 1 < value.length()) {
            char next = value.charAt(i + 1);
            if (Character.isLetterOrDigit(next) || next == '_' || next == '{') {
                return true;
            }
            i = value.indexOf('$', i + 1);
        }
        return false;
    }

    /** {@code /etc/nginx/ssl/site.key}, {@code ./certs/x.pem}: file references stay visible. */
    static boolean looksLikePath(String value) {
        if (!(value.startsWith("/") || value.startsWith("./") || value.startsWith("~/"))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** Random-looking keys: long, one token of key alphabet, mixing letters and digits, high character entropy. */
    static boolean looksLikeKey(String value) {
        int length = value.length();
        if (length < 20 || length > 4096) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !(Character.isLetterOrDigit(c) || "+/=_-.~".indexOf(c) >= 0)) {
                return false;
            }
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            counts[c]++;
        }
        return letter && digit && !value.startsWith("/") && entropyBitsPerChar(counts, length) >= 3.5;
    }

    private static double entropyBitsPerChar(int[] counts, int length) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}

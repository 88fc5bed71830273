package medic.nginx.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Masks a value known to be a credential while keeping its readable frame: auth schemes, cookie names, variables. */
final class CredentialValues {

    private static final Set<String> COOKIE_ATTRIBUTES = Set.of("path", "domain", "expires", "max-age", "samesite",
            "secure", "httponly", "priority", "partitioned", "version", "comment");

    private static final List<String> AUTH_SCHEMES = List.of("Basic ", "Bearer ", "Digest ", "Token ", "Negotiate ",
            "AWS4-HMAC-SHA256 ");

    /** Literal runs this long inside a value that also references variables are masked. */
    private static final int MIN_LITERAL_RUN = 8;

    private CredentialValues() {}

    /** Masks {@code text[start, end)}, the value of header or parameter {@code name}. */
    static void maskHeaderValue(String name, String text, int start, int end, Edits edits) {
        maskNamedValue(name, text, start, end, true, edits);
    }

    /** As {@link #maskHeaderValue}, choosing whether {@code $name} inside the value is an nginx variable. */
    static void maskNamedValue(String name, String text, int start, int end, boolean nginxVariables, Edits edits) {
        if (SecretNames.isAuthorization(name) || startsWithAuthScheme(text, start, end)) {
            authorization(text, start, end, nginxVariables, edits);
        } else if (SecretNames.isCookie(name)) {
            cookies(text, start, end, nginxVariables, edits);
        } else {
            maskLiteral(text, start, end, SecretNames.kindFor(name), nginxVariables, edits);
        }
    }

    /** {@code "auth": "Basic x"}: a value that names its scheme keeps it, whatever the field is called. */
    private static boolean startsWithAuthScheme(String text, int start, int end) {
        for (String scheme : AUTH_SCHEMES) {
            if (end - start > scheme.length() && text.regionMatches(true, start, scheme, 0, scheme.length())) {
                return true;
            }
        }
        return false;
    }

    /** {@code Basic dXNlcjpwYXNz} keeps {@code Basic }; a value without a scheme is masked whole. */
    static void authorization(String text, int start, int end, boolean nginxVariables, Edits edits) {
        int i = skipSpaces(text, start, end);
        int schemeEnd = i;
        while (schemeEnd < end && (Character.isLetterOrDigit(text.charAt(schemeEnd)) || text.charAt(schemeEnd) == '-')) {
            schemeEnd++;
        }
        if (schemeEnd > i && schemeEnd < end && text.charAt(schemeEnd) == ' ') {
            String scheme = text.substring(i, schemeEnd).toLowerCase(Locale.ROOT);
            SecretKind kind = switch (scheme) {
                case "basic" -> SecretKind.BASIC_AUTH;
                case "bearer" -> SecretKind.BEARER_TOKEN;
                default -> SecretKind.AUTHORIZATION;
            };
            maskLiteral(text, schemeEnd, end, kind, nginxVariables, edits);
        } else {
            maskLiteral(text, i, end, SecretKind.AUTHORIZATION, nginxVariables, edits);
        }
    }

    /** {@code a=1; b=2} masks each cookie value; Set-Cookie attributes such as {@code Path=/} stay. */
    static void cookies(String text, int start, int end, boolean nginxVariables, Edits edits) {
        int i = start;
        while (i < end) {
            int pairEnd = text.indexOf(';', i);
            if (pairEnd < 0 || pairEnd > end) {
                pairEnd = end;
            }
            int eq = text.indexOf('=', i);
            if (eq >= 0 && eq < pairEnd) {
                String cookieName = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
                if (!COOKIE_ATTRIBUTES.contains(cookieName)) {
                    maskLiteral(text, eq + 1, pairEnd, SecretKind.COOKIE, nginxVariables, edits);
                }
            } else if (!COOKIE_ATTRIBUTES.contains(text.substring(i, pairEnd).trim().toLowerCase(Locale.ROOT))) {
                maskLiteral(text, i, pairEnd, SecretKind.COOKIE, nginxVariables, edits);
            }
            i = pairEnd + 1;
        }
    }

    /**
     * Masks {@code text[start, end)} trimmed, unless it is a placeholder or a pure variable reference.
     * A value mixing variables and literals ({@code "$request_id:s3cr3tsalt"}) has only its long literal runs masked.
     */
    static void maskLiteral(String text, int start, int end, SecretKind kind, Edits edits) {
        maskLiteral(text, start, end, kind, true, edits);
    }

    /** As {@link #maskLiteral(String, int, int, SecretKind, Edits)}; free text passes {@code nginxVariables} false
     * because there a {@code $} is more likely part of a password than a variable. */
    static void maskLiteral(String text, int start, int end, SecretKind kind, boolean nginxVariables, Edits edits) {
        start = skipSpaces(text, start, end);
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        String value = text.substring(start, end);
        if (Values.isPlaceholder(value)) {
            return;
        }
        if (nginxVariables && Values.containsVariable(value)) {
            maskLiteralRuns(text, start, end, kind, MIN_LITERAL_RUN, edits);
        } else {
            edits.mask(start, end, kind);
        }
    }

    /** Masks each run of key characters at least {@code minRun} long between nginx variable references. */
    static void maskLiteralRuns(String text, int start, int end, SecretKind kind, int minRun, Edits edits) {
        int i = start;
        while (i < end) {
            if (text.startsWith(SecretKind.MASK_PREFIX, i)) {
                int close = text.indexOf('>', i);
                i = close < 0 || close >= end ? end : close + 1;
                continue;
            }
            if (text.charAt(i) == '$') {
                i++;
                if (i < end && text.charAt(i) == '{') {
                    int close = text.indexOf('}', i);
                    i = close < 0 || close >= end ? end : close + 1;
                    continue;
                }
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                continue;
            }
            int runStart = i;
            while (i < end && isKeyChar(text.charAt(i))) {
                i++;
            }
            if (i - runStart >= minRun) {
                edits.mask(runStart, i, kind);
            }
            if (i == runStart) {
                i++;
            }
        }
    }

    private static boolean isKeyChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "+/=_.~-".indexOf(c) >= 0);
    }

    private static int skipSpaces(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }
}

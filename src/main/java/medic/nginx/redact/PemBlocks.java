package medic.nginx.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the body of PEM private keys ({@code -----BEGIN [RSA|EC|OPENSSH|ENCRYPTED|PGP ...] PRIVATE KEY-----}),
 * multi-line or with {@code \n} escapes on one line. The BEGIN/END lines stay so the reader sees what was
 * there; the body collapses to one mask followed by the original line breaks. Certificates stay: they are public.
 */
final class PemBlocks {

    private static final Pattern BEGIN =
            Pattern.compile("-----BEGIN (?:[A-Z0-9]{1,20}+ ){0,3}PRIVATE KEY(?: BLOCK)?+-----");
    private static final String END = "-----END ";
    /** Longest body searched for its END line; an RSA-8192 key is about 6.5 kB. */
    private static final int MAX_BODY = 64 * 1024;

    private PemBlocks() {}

    static void collect(String text, Edits edits) {
        if (!text.contains("PRIVATE KEY")) {
            return;
        }
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            int bodyStart = begin.end();
            int end = text.indexOf(END, bodyStart);
            int bodyEnd = end >= 0 && end - bodyStart <= MAX_BODY ? end : endOfBase64Lines(text, bodyStart);
            while (bodyStart < bodyEnd && Character.isWhitespace(text.charAt(bodyStart))) {
                bodyStart++;
            }
            int trimmedEnd = bodyEnd;
            while (trimmedEnd > bodyStart && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            edits.mask(bodyStart, trimmedEnd, SecretKind.PRIVATE_KEY);
            from = Math.max(bodyEnd, begin.end());
        }
    }

    /** Without an END line (a truncated paste) the body is the run of following lines that look like PEM content. */
    private static int endOfBase64Lines(String text, int start) {
        int lineStart = text.indexOf('\n', start);
        if (lineStart < 0) {
            return text.length();
        }
        int i = lineStart + 1;
        while (i < text.length() && i - start <= MAX_BODY) {
            int lineEnd = text.indexOf('\n', i);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(i, lineEnd).trim();
            if (line.isEmpty() || !line.matches("[A-Za-z0-9+/=:,\\- ]{1,128}")) {
                return i;
            }
            i = lineEnd + 1;
        }
        return Math.min(i, text.length());
    }
}

package medic.nginx.redact;

/**
 * Masks values assigned to secret-looking names anywhere in text: {@code password=x}, {@code ?token=x&},
 * {@code "secret": "x"}, {@code api_key = 'x'}, {@code Authorization: Basic x}, {@code Cookie: a=b},
 * including the {@code \x22} and {@code \"} quoting of nginx access logs; {@link QuotedNames} adds the
 * call and markup forms.
 *
 * <p>A hand-written scan from each {@code =} or {@code :} outwards instead of one big regex: a regex
 * that has to find the name first tries every position with a long optional prefix and backtracks.
 */
final class NamedValues {

    static final int MAX_NAME = 64;
    static final int MAX_VALUE = 16 * 1024;
    static final int MAX_GAP = 3;
    private static final String TEXT_TERMINATORS = "\"'`,;&)]}<>";
    private static final String QUERY_TERMINATORS = "\"'`;&#<>";
    private static final String NAME_BOUNDARIES = "{[(,;:?&\"'<>|$`";
    private static final String LINE_PREFIX_CHARS = " \t><*-+#|";

    private NamedValues() {}

    static void collect(String text, Edits edits) {
        int n = text.length();
        int lineStart = 0;
        int resume = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if ((c == '=' || c == ':') && i >= resume) {
                resume = Math.max(resume, new Candidate(text, lineStart, i).scan(edits));
            }
        }
        QuotedNames.collect(text, edits);
    }

    /** One separator and the name/value around it. */
    private static final class Candidate {
        private final String text;
        private final int lineStart;
        private final int separator;
        private boolean spacedBefore;
        private boolean query;
        private boolean atLineStart;

        Candidate(String text, int lineStart, int separator) {
            this.text = text;
            this.lineStart = lineStart;
            this.separator = separator;
        }

        /** Returns the index after the masked value, or -1 when this separator assigns no secret. */
        int scan(Edits edits) {
            char sep = text.charAt(separator);
            int n = text.length();
            int nameEnd = separator;
            int valueFrom = separator + 1;
            char next = valueFrom < n ? text.charAt(valueFrom) : '\n';
            char prev = separator > 0 ? text.charAt(separator - 1) : '\n';
            if (sep == ':') {
                if (next == ':' || prev == ':' || text.startsWith("//", valueFrom)) {
                    return -1;
                }
                valueFrom += next == '=' ? 1 : 0;
            } else {
                if (prev == '=' || prev == '<' || prev == '>' || prev == ':') {
                    return -1;
                }
                nameEnd -= prev == '!' ? 1 : 0;
                while (valueFrom < n && text.charAt(valueFrom) == '=') {
                    valueFrom++;
                }
                valueFrom += valueFrom < n && text.charAt(valueFrom) == '>' ? 1 : 0;
            }
            String name = name(nameEnd);
            if (name == null || !(query ? SecretNames.isSecretQueryParameter(name) : SecretNames.isSecret(name))) {
                return -1;
            }
            return value(name, sep, valueFrom, edits);
        }

        /** The name left of {@code end}, quoted or not; sets the context flags. Null when there is none. */
        private String name(int end) {
            int j = end - 1;
            int gap = 0;
            while (j >= lineStart && isBlank(text.charAt(j)) && gap <= MAX_GAP) {
                j--;
                gap++;
            }
            spacedBefore = gap > 0;
            if (j >= lineStart && text.charAt(j) == ']') {
                j--;
            }
            String quote = quoteEndingAt(j);
            j -= quote == null ? 0 : quote.length();
            int nameEnd = j + 1;
            while (j >= lineStart && isNameChar(text.charAt(j)) && nameEnd - j <= MAX_NAME) {
                j--;
            }
            int nameStart = j + 1;
            if (quote != null && quote.length() == 4) {
                // "x22" are name characters: \x22password\x22 would otherwise read as the name x22password
                int opening = text.lastIndexOf(quote, nameEnd - 1);
                nameStart = opening >= nameStart - 1 ? opening + quote.length() : nameStart;
            }
            if (nameStart == nameEnd || nameEnd - nameStart > MAX_NAME) {
                return null;
            }
            int before = nameStart - 1;
            if (quote != null) {
                if (!text.startsWith(quote, nameStart - quote.length()) || nameStart - quote.length() < lineStart) {
                    return null;
                }
                before = nameStart - quote.length() - 1;
            } else if (before >= lineStart && !isBlank(text.charAt(before))
                    && NAME_BOUNDARIES.indexOf(text.charAt(before)) < 0) {
                return null;
            }
            query = quote == null && before >= lineStart && (text.charAt(before) == '?' || text.charAt(before) == '&');
            atLineStart = true;
            for (int k = lineStart; k <= before; k++) {
                if (LINE_PREFIX_CHARS.indexOf(text.charAt(k)) < 0) {
                    atLineStart = false;
                    break;
                }
            }
            return text.substring(nameStart, nameEnd);
        }

        private int value(String name, char sep, int from, Edits edits) {
            int lineEnd = text.indexOf('\n', from);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int limit = Math.min(lineEnd, from + MAX_VALUE);
            int v = from;
            while (v < limit && isBlank(text.charAt(v)) && v - from <= MAX_GAP) {
                v++;
            }
            if (v >= limit || text.charAt(v) == '\r') {
                return -1;
            }
            String quote = quoteStartingAt(v);
            if (quote != null) {
                int contentStart = v + quote.length();
                int close = closingQuote(contentStart, limit, quote);
                if (Values.startsWithReference(text.substring(contentStart, close))) {
                    return close;
                }
                CredentialValues.maskNamedValue(name, text, contentStart, close, false, edits);
                return close;
            }
            boolean special = SecretNames.isAuthorization(name) || SecretNames.isCookie(name)
                    || SecretNames.isPassphrase(name);
            int end;
            if (special || sep == ':' && atLineStart && !query) {
                end = special && !atLineStart ? specialEnd(name, v, limit) : limit;
            } else {
                end = v;
                String terminators = query ? QUERY_TERMINATORS : TEXT_TERMINATORS;
                while (end < limit && !Character.isWhitespace(text.charAt(end))
                        && terminators.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
            }
            String value = text.substring(v, end).trim();
            // A value cut short by a mask was judged whole by the run that wrote the mask; judging the stump
            // now could mask what that run kept, and a second run would change the text again.
            if (text.startsWith(SecretKind.MASK_PREFIX, end) || value.isEmpty() || Values.startsWithReference(value) || "([{".indexOf(value.charAt(0)) >= 0
                    || isCodeReference(value, spacedBefore && sep == '=')
                    || Values.looksLikePath(value) && !SecretNames.isStrongSecret(name)) {
                return -1;
            }
            CredentialValues.maskNamedValue(name, text, v, end, false, edits);
            return end;
        }

        /**
         * Mid-line {@code Authorization: Bearer x} takes the scheme and one token; a cookie list and a passphrase
         * (which may contain spaces) run to a quote or the end of the line.
         */
        private int specialEnd(String name, int v, int limit) {
            int end = v;
            if (SecretNames.isAuthorization(name)) {
                while (end < limit && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                    end++;
                }
                if (end < limit && text.charAt(end) == ' ') {
                    end++;
                }
                while (end < limit && !Character.isWhitespace(text.charAt(end)) && "\"',".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                return end;
            }
            while (end < limit && "\"'".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return end;
        }

        private String quoteEndingAt(int j) {
            if (j < lineStart) {
                return null;
            }
            char c = text.charAt(j);
            if (c == '"' || c == '\'') {
                return j > lineStart && text.charAt(j - 1) == '\\' ? "\\" + c : String.valueOf(c);
            }
            return j - 3 >= lineStart && text.startsWith("\\x22", j - 3) ? "\\x22" : null;
        }

        private String quoteStartingAt(int v) {
            char c = text.charAt(v);
            if (c == '"' || c == '\'' || c == '`') {
                return String.valueOf(c);
            }
            if (text.startsWith("\\x22", v)) {
                return "\\x22";
            }
            return text.startsWith("\\\"", v) ? "\\\"" : null;
        }

        /** Index of the closing quote before {@code limit}; an unclosed value runs to {@code limit}. */
        private int closingQuote(int from, int limit, String quote) {
            if (quote.length() > 1) {
                int close = text.indexOf(quote, from);
                return close < 0 || close > limit ? limit : close;
            }
            char q = quote.charAt(0);
            for (int i = from; i < limit; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == q) {
                    return i;
                }
            }
            return limit;
        }
    }

    /**
     * {@code token:find("x")}, {@code os.getenv("X")}: code that reads a secret, not the secret. With spaces around
     * {@code =} ({@code local token = ngx.var.http_x_token}) a dotted identifier chain is code too.
     */
    private static boolean isCodeReference(String value, boolean spacedAssignment) {
        int i = 0;
        boolean dotted = false;
        boolean segmentStart = true;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' || c == ':') {
                if (segmentStart) {
                    return false;
                }
                dotted = true;
                segmentStart = true;
            } else if (Character.isLetter(c) || c == '_' || !segmentStart && Character.isDigit(c)) {
                segmentStart = false;
            } else {
                break;
            }
        }
        if (i < value.length()) {
            return value.charAt(i) == '(' && i > 0 && !segmentStart;
        }
        return spacedAssignment && dotted && !segmentStart;
    }

    static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

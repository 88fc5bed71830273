package medic.nginx.redact;

import static medic.nginx.redact.NamedValues.MAX_GAP;
import static medic.nginx.redact.NamedValues.MAX_NAME;
import static medic.nginx.redact.NamedValues.MAX_VALUE;
import static medic.nginx.redact.NamedValues.isBlank;
import static medic.nginx.redact.NamedValues.isNameChar;

/**
 * Secret values after quoted names in call syntax ({@code ngx.req.set_header("X-Api-Key", "v")}) and in
 * markup ({@code <password>v</password>}). Each form is found from a literal anchor with {@code indexOf},
 * so the text is scanned once per form.
 */
final class QuotedNames {

    private QuotedNames() {}

    static void collect(String text, Edits edits) {
        quotedPairs(text, '"', edits);
        quotedPairs(text, '\'', edits);
        xmlElements(text, edits);
    }

    /** {@code <password>x</password>} on one line, found from each closing tag. */
    private static void xmlElements(String text, Edits edits) {
        for (int close = text.indexOf("</"); close >= 0; close = text.indexOf("</", close + 2)) {
            int nameEnd = close + 2;
            while (nameEnd < text.length() && nameEnd - close <= MAX_NAME && isNameChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == close + 2 || nameEnd >= text.length() || text.charAt(nameEnd) != '>') {
                continue;
            }
            String name = text.substring(close + 2, nameEnd);
            if (!SecretNames.isSecret(name)) {
                continue;
            }
            int lineStart = text.lastIndexOf('\n', close) + 1;
            int open = text.substring(lineStart, close).lastIndexOf("<" + name + ">");
            if (open >= 0) {
                int valueStart = lineStart + open + name.length() + 2;
                CredentialValues.maskNamedValue(name, text, valueStart, close, false, edits);
            }
        }
    }

    /** {@code set_header("X-Api-Key", "v")}, {@code headers.set('token', 'v')}: quoted name, comma, quoted value. */
    private static void quotedPairs(String text, char quote, Edits edits) {
        String anchor = quote + ",";
        for (int close = text.indexOf(anchor); close >= 0; close = text.indexOf(anchor, close + 2)) {
            int nameStart = close;
            while (nameStart > 0 && close - nameStart < MAX_NAME && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == close || nameStart == 0 || text.charAt(nameStart - 1) != quote) {
                continue;
            }
            String name = text.substring(nameStart, close);
            int open = close + 2;
            while (open < text.length() && isBlank(text.charAt(open)) && open - close < 2 + MAX_GAP) {
                open++;
            }
            if (open >= text.length() || text.charAt(open) != quote
                    || !(SecretNames.isCredentialHeader(name) || SecretNames.isSecret(name))) {
                continue;
            }
            int end = open + 1;
            while (end < text.length() && end - open <= MAX_VALUE && text.charAt(end) != quote
                    && text.charAt(end) != '\n') {
                end++;
            }
            if (end < text.length() && text.charAt(end) == quote) {
                CredentialValues.maskNamedValue(name, text, open + 1, end, false, edits);
            }
        }
    }
}

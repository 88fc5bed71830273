package medic.nginx.log;

/**
 * The {@code request: "..."} field of an error-log line, split into method, URI and protocol when it has the usual
 * shape; {@code raw} keeps the text as logged (nginx does not escape quotes in it).
 */
public record RequestLine(String raw, String method, String uri, String protocol) {
    public static final RequestLine NONE = new RequestLine("", "", "", "");

    public static RequestLine parse(String raw) {
        if (raw.isEmpty()) {
            return NONE;
        }
        int firstSpace = raw.indexOf(' ');
        if (firstSpace <= 0 || !isMethod(raw, firstSpace)) {
            return new RequestLine(raw, "", "", "");
        }
        int lastSpace = raw.lastIndexOf(' ');
        if (lastSpace > firstSpace && raw.startsWith("HTTP/", lastSpace + 1)) {
            return new RequestLine(raw, raw.substring(0, firstSpace), raw.substring(firstSpace + 1, lastSpace),
                raw.substring(lastSpace + 1));
        }
        // HTTP/0.9 or a line cut at nginx's 2048-byte limit: no protocol.
        return new RequestLine(raw, raw.substring(0, firstSpace), raw.substring(firstSpace + 1), "");
    }

    /** The URI without its query string, the part nginx matches locations against (before decoding). */
    public String path() {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    public boolean isPresent() {
        return !raw.isEmpty();
    }

    private static boolean isMethod(String raw, int end) {
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }
}

package medic.nginx.log;

/**
 * Splits the part of a line after {@code *CONN} into the message and the fields nginx's HTTP log handler appends
 * (positions are in the whole line, so nothing is copied before the values):
 * {@code , client: A, server: N[, request: "L"][, subrequest: "U"][, upstream: "U"][, host: "H"][, referrer: "R"]}.
 *
 * <p>nginx does not escape quotes inside values, so a quoted value ends at a quote that is followed by the marker
 * of a field that may come later, or by the end of the line. Values sent by clients (request, host, referrer)
 * can imitate a marker; such lines are split at the imitation, which is the best the layout allows.
 */
record ErrorLogFields(
    int messageEnd, String client, String server, String request, String subrequest, String upstream, String host,
    String referrer, boolean cut, String cutField) {

    private static final String CLIENT = ", client: ";
    private static final String SERVER = ", server: ";
    private static final String[] KEYS = {"request", "subrequest", "upstream", "host", "referrer"};
    private static final String[] MARKERS = {", request: \"", ", subrequest: \"", ", upstream: \"", ", host: \"",
        ", referrer: \""};
    private static final int UPSTREAM = 2;

    /**
     * Splits {@code body} from {@code from} (where the message starts) to its end; {@code atLimit} says the line
     * filled nginx's buffer, so a missing tail means a cut.
     */
    static ErrorLogFields parse(String body, int from, boolean atLimit) {
        int client = findClient(body, from);
        if (client < 0) {
            return new ErrorLogFields(atLimit ? withoutCutMarker(body, from) : body.length(), "", "", "", "", "", "",
                "", atLimit, atLimit ? "message" : "");
        }
        String[] values = {"", "", "", "", ""};
        int clientStart = client + CLIENT.length();
        int serverMarker = body.indexOf(SERVER, clientStart);
        if (serverMarker < 0) {
            return new ErrorLogFields(client, body.substring(clientStart), "", "", "", "", "", "", true, "client");
        }
        int serverStart = serverMarker + SERVER.length();
        int serverEnd = body.indexOf(", ", serverStart);
        String server = body.substring(serverStart, serverEnd < 0 ? body.length() : serverEnd);
        String clientValue = body.substring(clientStart, serverMarker);
        if (serverEnd < 0) {
            return new ErrorLogFields(client, clientValue, server, "", "", "", "", "", false, "");
        }
        int at = serverEnd;
        int next = 0;
        while (at < body.length()) {
            int key = markerAt(body, at, next);
            if (key < 0) {
                String cutIn = cutMarker(body, at, next);
                return fields(client, clientValue, server, values, cutIn != null, cutIn == null ? "" : cutIn);
            }
            int valueStart = at + MARKERS[key].length();
            int valueEnd = quotedEnd(body, valueStart, key);
            if (valueEnd < 0) {
                values[key] = body.substring(valueStart);
                return fields(client, clientValue, server, values, true, KEYS[key]);
            }
            values[key] = body.substring(valueStart, valueEnd);
            at = valueEnd + 1;
            next = key + 1;
        }
        return fields(client, clientValue, server, values, false, "");
    }

    private static ErrorLogFields fields(int client, String clientValue, String server, String[] v, boolean cut,
                                         String cutField) {
        return new ErrorLogFields(client, clientValue, server, v[0], v[1], v[2], v[3], v[4], cut, cutField);
    }

    /** The first {@code ", client: "} followed by an address (no spaces or commas) and a server marker or a cut. */
    private static int findClient(String body, int from) {
        for (int i = body.indexOf(CLIENT, from); i >= 0; i = body.indexOf(CLIENT, i + 1)) {
            int start = i + CLIENT.length();
            int server = body.indexOf(SERVER, start);
            int end = server < 0 ? body.length() : server;
            if (end > start && isAddress(body, start, end)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAddress(String body, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c == ' ' || c == ',' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static int markerAt(String body, int at, int firstKey) {
        if (at + 2 >= body.length()) {
            return -1;
        }
        int key = switch (body.charAt(at + 2)) {
            case 'r' -> body.length() > at + 4 && body.charAt(at + 4) == 'q' ? 0 : 4;
            case 's' -> 1;
            case 'u' -> 2;
            case 'h' -> 3;
            default -> -1;
        };
        return key >= firstKey && body.startsWith(MARKERS[key], at) ? key : -1;
    }

    private static int quotedEnd(String body, int from, int key) {
        int last = body.length() - 1;
        for (int q = body.indexOf('"', from); q >= 0; q = body.indexOf('"', q + 1)) {
            if (q == last) {
                return q;
            }
            if (body.startsWith(", ", q + 1) && (markerAt(body, q + 1, key + 1) >= 0
                || cutMarker(body, q + 1, key + 1) != null || key == UPSTREAM && isFieldName(body, q + 3))) {
                return q;
            }
        }
        return -1;
    }

    /** Stream-module lines continue after upstream with e.g. {@code , bytes from/to client:0/0}. */
    private static boolean isFieldName(String body, int from) {
        int end = Math.min(body.length(), from + 40);
        for (int i = from; i < end; i++) {
            char c = body.charAt(i);
            if (c == ':') {
                return i > from;
            }
            if (!(c >= 'a' && c <= 'z') && c != ' ' && c != '/' && c != '_') {
                return false;
            }
        }
        return false;
    }

    /** The field whose marker the line ends inside of ({@code , ho}), or null when the tail is something else. */
    private static String cutMarker(String body, int at, int firstKey) {
        int tail = body.length() - at;
        for (int key = firstKey; key < MARKERS.length; key++) {
            if (tail < MARKERS[key].length() && body.regionMatches(at, MARKERS[key], 0, tail)) {
                return KEYS[key];
            }
        }
        return null;
    }

    private static int withoutCutMarker(String body, int from) {
        for (int keep = Math.min(CLIENT.length() - 1, body.length() - from); keep >= 2; keep--) {
            if (body.regionMatches(body.length() - keep, CLIENT, 0, keep)) {
                return body.length() - keep;
            }
        }
        return body.length();
    }
}

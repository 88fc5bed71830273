package medic.nginx.log;

import java.util.Comparator;

/**
 * What a failing request looked like to nginx's location matcher: server name, Host header, method and URI path
 * without query. For a subrequest (auth_request, SSI) the path is the subrequest's, since its location proxied.
 */
public record RequestKey(String server, String host, String method, String path) {
    /** Server, host, method, path: the order listings use to break ties. */
    public static final Comparator<RequestKey> ORDER = Comparator.comparing(RequestKey::server)
        .thenComparing(RequestKey::host).thenComparing(RequestKey::method).thenComparing(RequestKey::path);

    static RequestKey of(ErrorLogLine line) {
        return new RequestKey(line.server(), line.host(), line.request().method(), pathOf(line));
    }

    /**
     * The key as one string, fields joined by newlines (no log line contains one): the scanner counts failures
     * under it, since one string is one cache miss where four fields are five.
     */
    static String joined(ErrorLogLine line) {
        return line.server() + '\n' + line.host() + '\n' + line.request().method() + '\n' + pathOf(line);
    }

    static RequestKey fromJoined(String joined) {
        int host = joined.indexOf('\n');
        int method = joined.indexOf('\n', host + 1);
        int path = joined.indexOf('\n', method + 1);
        return new RequestKey(joined.substring(0, host), joined.substring(host + 1, method),
            joined.substring(method + 1, path), joined.substring(path + 1));
    }

    static String serverOfJoined(String joined) {
        return joined.substring(0, joined.indexOf('\n'));
    }

    private static String pathOf(ErrorLogLine line) {
        return line.subrequest().isEmpty() ? line.request().path() : RequestLine.parse("X " + line.subrequest()).path();
    }

    // Written out: the generated 31-based hash degenerates when server equals host (as it usually does), leaving
    // the low bits to the path alone and long HashMap chains behind.
    @Override
    public int hashCode() {
        int h = server.hashCode();
        h = Integer.rotateLeft(h, 11) * 31 + host.hashCode();
        h = Integer.rotateLeft(h, 11) * 31 + method.hashCode();
        h = Integer.rotateLeft(h, 11) * 31 + path.hashCode();
        return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestKey k && path.equals(k.path) && host.equals(k.host) && server.equals(k.server)
            && method.equals(k.method);
    }
}

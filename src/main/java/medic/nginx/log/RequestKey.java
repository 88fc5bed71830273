package medic.nginx.log;

import java.util.Comparator;

/**
 * What a failing request looked like to nginx's location matcher: server name, Host header, method and URI path
 * without query. For a subrequest (auth_request, SSI) the path is the subrequest's, since its location proxied.
 */
public record RequestKey(String server, String host, String method, String path) {
    /** Server, host, path, method: the order listings use to break ties. */
    public static final Comparator<RequestKey> ORDER = Comparator.comparing(RequestKey::server)
        .thenComparing(RequestKey::host).thenComparing(RequestKey::path).thenComparing(RequestKey::method);

    static RequestKey of(ErrorLogLine line) {
        RequestLine request = line.request();
        String path = line.subrequest().isEmpty() ? request.path() : RequestLine.parse("X " + line.subrequest()).path();
        return new RequestKey(line.server(), line.host(), request.method(), path);
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

package medic.nginx.log;

import java.time.LocalDateTime;

/**
 * One nginx error-log line split into its fields. nginx writes local time without a zone, so the timestamp is a
 * {@link LocalDateTime}. Fields the line does not carry are empty strings; {@code connection} is -1 without
 * {@code *CONN}. {@code action} is the raw text after {@code " while "}, {@code phase} its upstream meaning.
 */
public record ErrorLogLine(
    long lineNumber,
    LocalDateTime timestamp,
    LogLevel level,
    long pid,
    long tid,
    long connection,
    String message,
    String action,
    Phase phase,
    FailureClass failureClass,
    String client,
    String server,
    RequestLine request,
    String subrequest,
    String upstream,
    String host,
    String referrer) {

    public boolean isUpstreamFailure() {
        return failureClass.isUpstreamFailure();
    }

    public boolean hasConnection() {
        return connection >= 0;
    }

    /** True for lines written in a request or connection context ({@code , client: ..., server: ...}). */
    public boolean hasClient() {
        return !client.isEmpty();
    }

    /**
     * The upstream peer without scheme and URI: {@code 127.0.0.1:8080}, {@code [::1]:8080},
     * {@code unix:/run/app.sock}, or the group name ({@code ws_backend}) for "no live upstreams".
     */
    public String upstreamPeer() {
        return peerOf(upstream);
    }

    static String peerOf(String upstream) {
        int scheme = upstream.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end;
        if (upstream.startsWith("unix:", start)) {
            // nginx writes unix sockets as "unix:/path.sock:" followed by the URI.
            end = upstream.indexOf(':', start + 5);
        } else {
            end = upstream.indexOf('/', start);
        }
        return upstream.substring(start, end < 0 ? upstream.length() : end);
    }
}

package medic.nginx.log;

/**
 * The message families of an nginx error log that matter for upstream and WebSocket trouble, told apart by message
 * text, phase and level (never by errno number: ECONNRESET is 104 on Linux but 54 on the BSDs).
 */
public enum FailureClass {
    RESET_READING_HEADER("upstream reset before the response header", true),
    RESET_READING_BODY("upstream reset mid-body (client got a truncated response)", true),
    RESET_SENDING_REQUEST("upstream reset or closed before reading the request", true),
    RESET_UPGRADED_UPSTREAM("upstream reset a live WebSocket", true),
    RESET_UPGRADED_CLIENT("client reset a live WebSocket", false),
    RESET_OTHER_UPSTREAM_PHASE("upstream reset while connecting or in the TLS handshake", true),
    PREMATURELY_CLOSED("upstream closed the connection early", true),
    TIMED_OUT("upstream timed out", true),
    TUNNEL_IDLE_TIMEOUT("idle WebSocket closed by proxy_read_timeout", false),
    CONNECT_REFUSED("upstream refused the connection", true),
    CONNECT_FAILED("connect() to upstream failed", true),
    NO_LIVE_UPSTREAMS("no live upstreams", true),
    SERVER_DISABLED("upstream server temporarily disabled", false),
    TOO_BIG_HEADER("upstream sent too big header", true),
    WORKER_CONNECTIONS("worker_connections exhausted", false),
    OTHER("not an upstream failure", false);

    private final String label;
    private final boolean upstreamFailure;

    FailureClass(String label, boolean upstreamFailure) {
        this.label = label;
        this.upstreamFailure = upstreamFailure;
    }

    /** A short phrase for people, e.g. in a Slack message. */
    public String label() {
        return label;
    }

    /**
     * True when the line records a proxied request attempt that failed because of the upstream. Client resets,
     * idle tunnel timeouts, "temporarily disabled" bookkeeping and worker capacity are evidence, not failures.
     */
    public boolean isUpstreamFailure() {
        return upstreamFailure;
    }

    public boolean isReset() {
        return name().startsWith("RESET_");
    }
}

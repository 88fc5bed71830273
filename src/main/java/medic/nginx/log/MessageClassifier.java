package medic.nginx.log;

/**
 * Maps an nginx message, its phase and its level to a {@link FailureClass}; text only, never errno numbers.
 * nginx writes none of the families at debug or notice, so those lines are OTHER whatever they say (the scanner
 * relies on this to count them from their prefix alone).
 */
final class MessageClassifier {
    static final String RESET = "Connection reset by peer";
    static final String BROKEN_PIPE = "Broken pipe";
    static final String REFUSED = "Connection refused";

    private MessageClassifier() {
    }

    static FailureClass classify(LogLevel level, String message, Phase phase) {
        if (level == LogLevel.DEBUG || level == LogLevel.NOTICE) {
            return FailureClass.OTHER;
        }
        if (message.startsWith("upstream timed out")) {
            return phase == Phase.PROXYING_UPGRADED && !level.isAtLeast(LogLevel.NOTICE)
                ? FailureClass.TUNNEL_IDLE_TIMEOUT : FailureClass.TIMED_OUT;
        }
        if (message.startsWith("upstream prematurely closed")) {
            return FailureClass.PREMATURELY_CLOSED;
        }
        if (message.startsWith("no live upstreams")) {
            return FailureClass.NO_LIVE_UPSTREAMS;
        }
        if (message.startsWith("upstream server temporarily disabled")) {
            return FailureClass.SERVER_DISABLED;
        }
        if (message.startsWith("upstream sent too big header")) {
            return FailureClass.TOO_BIG_HEADER;
        }
        if (message.contains("worker_connections are not enough")) {
            return FailureClass.WORKER_CONNECTIONS;
        }
        boolean reset = message.contains(RESET);
        if (message.startsWith("connect() ") && !reset) {
            // connect() also fails toward OCSP responders, resolvers and mail auth servers: only the upstream
            // phase makes it an upstream failure.
            if (phase != Phase.CONNECTING) {
                return FailureClass.OTHER;
            }
            return message.contains(REFUSED) ? FailureClass.CONNECT_REFUSED : FailureClass.CONNECT_FAILED;
        }
        if (reset || message.contains(BROKEN_PIPE)) {
            return classifyReset(level, phase, reset);
        }
        return FailureClass.OTHER;
    }

    private static FailureClass classifyReset(LogLevel level, Phase phase, boolean reset) {
        switch (phase) {
            case SENDING_REQUEST:
                return FailureClass.RESET_SENDING_REQUEST;
            case READING_RESPONSE_HEADER:
                return reset ? FailureClass.RESET_READING_HEADER : FailureClass.OTHER;
            case READING_UPSTREAM:
                return reset ? FailureClass.RESET_READING_BODY : FailureClass.OTHER;
            case PROXYING_UPGRADED:
                if (!reset) {
                    return FailureClass.OTHER;
                }
                // nginx logs a reset on the client side of a tunnel at info (the client connection's log_error),
                // and one on the upstream side at error.
                return level.isAtLeast(LogLevel.NOTICE)
                    ? FailureClass.RESET_UPGRADED_UPSTREAM : FailureClass.RESET_UPGRADED_CLIENT;
            case CONNECTING:
            case SSL_HANDSHAKING:
                return FailureClass.RESET_OTHER_UPSTREAM_PHASE;
            default:
                return FailureClass.OTHER;
        }
    }
}

package medic.nginx.log;

/**
 * The upstream "while ..." action nginx appends to a message, which says how far the proxied exchange got;
 * {@link #NONE} covers lines without an action and actions outside the upstream path.
 */
public enum Phase {
    CONNECTING("connecting to upstream"),
    SSL_HANDSHAKING("SSL handshaking to upstream"),
    SENDING_REQUEST("sending request to upstream"),
    READING_RESPONSE_HEADER("reading response header from upstream"),
    READING_UPSTREAM("reading upstream"),
    SENDING_TO_CLIENT("sending to client"),
    PROXYING_UPGRADED("proxying upgraded connection"),
    NONE("");

    private static final Phase[] KNOWN = {CONNECTING, SSL_HANDSHAKING, SENDING_REQUEST, READING_RESPONSE_HEADER,
        READING_UPSTREAM, SENDING_TO_CLIENT, PROXYING_UPGRADED};

    private final String action;

    Phase(String action) {
        this.action = action;
    }

    /** The text after {@code " while "} in nginx's line, empty for {@link #NONE}. */
    public String action() {
        return action;
    }

    /** Exact match of the text that followed {@code " while "}. */
    public static Phase fromAction(String action) {
        for (Phase phase : KNOWN) {
            if (phase.action.equals(action)) {
                return phase;
            }
        }
        return NONE;
    }

    /**
     * For a line cut at nginx's 2048-byte limit: the one phase whose action starts with the surviving text, or
     * {@link #NONE} when the cut text is empty or fits several phases.
     */
    public static Phase fromCutAction(String cutAction) {
        if (cutAction.isEmpty()) {
            return NONE;
        }
        Phase found = NONE;
        for (Phase phase : KNOWN) {
            if (phase.action.startsWith(cutAction)) {
                if (found != NONE) {
                    return NONE;
                }
                found = phase;
            }
        }
        return found;
    }
}

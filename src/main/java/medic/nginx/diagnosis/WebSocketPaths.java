package medic.nginx.diagnosis;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a location path names a WebSocket endpoint ({@code /ws/}, {@code /socket.io/}, {@code /cable}...). */
public final class WebSocketPaths {
    private static final Pattern ENDPOINT = Pattern.compile(
            "(?i)(^|[/_.\\-^\\\\(|])(ws|wss|websockets?|sockets?|socket\\.io|sockjs|cable|live|stream(ing)?|"
                    + "realtime|subscriptions?|hubs?|channels|signalr|terminals/websocket|notifications?/stream)"
                    + "([/_.\\-$)|]|$)");
    /**
     * Every name {@link #ENDPOINT} can match contains one of these (lower case): a path without any cannot match,
     * and most paths of a large config have none, so the regex (tried at every position) is skipped for them.
     */
    private static final String[] NEEDED = {"ws", "socket", "sockjs", "cable", "live", "stream", "realtime",
        "subscription", "hub", "channels", "signalr", "notification"};

    private WebSocketPaths() {
    }

    public static boolean looksLikeEndpoint(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String needed : NEEDED) {
            if (lower.contains(needed)) {
                return ENDPOINT.matcher(path).find();
            }
        }
        return false;
    }
}

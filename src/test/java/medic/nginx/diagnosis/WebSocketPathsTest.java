package medic.nginx.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketPathsTest {
    /** The endpoint pattern as the analysis used it before the keyword pre-check: the reference. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)(^|[/_.\\-^\\\\(|])(ws|wss|websockets?|sockets?|socket\\.io|sockjs|cable|live|stream(ing)?|realtime|"
                    + "subscriptions?|hubs?|channels|signalr|terminals/websocket|notifications?/stream)([/_.\\-$)|]|$)");

    @ParameterizedTest
    @ValueSource(strings = {"/ws/", "/WS", "/wss/", "/app/websocket", "/WebSockets/", "/socket.io/", "/SockJS/",
        "/cable", "/live/", "/x_stream.", "/streaming", "/realtime", "/Subscriptions", "/hub", "/hubs/", "/channels",
        "/signalr/", "/terminals/websocket", "/notifications/stream", "/notification/stream", "^/(ws|api)/",
        "/api/v1/", "/static/", "/", "@fallback", "^/api/v(?<ver>\\d+)/(?<rest>.*)$", "/news/", "/wsx/",
        "/lively/", "/sws/", "/hubspot/", "/downstream/", "/STREAM", "/ſtream", "/\u212Aable", "/İws/", "/ẞocket/",
        "/channel", "/notifications", "\\.ws$", "(ws)"})
    void agrees_with_the_full_pattern(String path) {
        assertEquals(REFERENCE.matcher(path).find(), WebSocketPaths.looksLikeEndpoint(path), path);
    }
}

package medic.nginx.diagnosis.rules;

import java.util.Locale;
import medic.nginx.diagnosis.WebSocketPaths;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * What the WebSocket rules agree on: whether a location passes the handshake headers upstream (the recipe),
 * and whether a location's own path says it is a WebSocket endpoint rather than a general-purpose route.
 */
final class WebSocketRecipe {
    private WebSocketRecipe() {
    }

    /** True when Upgrade is passed and Connection comes from a variable or says "upgrade". */
    static boolean presentAt(NginxConfig config, Location location) {
        HeaderSet headers = config.headers(location);
        String connection = headers.value("Connection");
        return headers.has("Upgrade") && connection != null
                && (connection.startsWith("$") || connection.toLowerCase(Locale.ROOT).contains("upgrade"));
    }

    /** True when a location pattern names a WebSocket endpoint ({@code /ws/}, {@code /socket.io/}...). */
    static boolean looksLikeWebSocketPath(String pattern) {
        // The same endpoint names the analysis uses to spot WebSocket locations, applied to a path alone.
        return WebSocketPaths.looksLikeEndpoint(pattern);
    }
}

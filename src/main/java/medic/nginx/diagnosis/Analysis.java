package medic.nginx.diagnosis;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.nginx.config.Directive;
import medic.nginx.log.FailureClass;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * Everything a rule may look at: the config model, the error log mapped onto it, facts about backends,
 * and which locations carry WebSocket traffic (and why medic thinks so).
 */
public final class Analysis {
    private static final Pattern WEBSOCKET_PATH = Pattern.compile(
            "(?i)(^|[/_.\\-^\\\\(|])(ws|wss|websockets?|sockets?|socket\\.io|sockjs|cable|live|stream(ing)?|realtime|"
                    + "subscriptions?|hubs?|channels|signalr|terminals/websocket|notifications?/stream)([/_.\\-$)|]|$)");

    private final NginxConfig config;
    private final LogView log;
    private final BackendFacts facts;
    private final Map<Location, String> webSocketReasons = new IdentityHashMap<>();

    public Analysis(NginxConfig config, LogView log, BackendFacts facts) {
        this.config = config;
        this.log = log;
        this.facts = facts;
        for (Location location : config.locations()) {
            String reason = webSocketReason(location);
            if (reason != null) {
                webSocketReasons.put(location, reason);
            }
        }
    }

    public NginxConfig config() {
        return config;
    }

    public LogView log() {
        return log;
    }

    public BackendFacts facts() {
        return facts;
    }

    /** Why this location is taken to serve WebSocket traffic, or empty when it does not look like it. */
    public Optional<String> webSocket(Location location) {
        return Optional.ofNullable(webSocketReasons.get(location));
    }

    public boolean isWebSocket(Location location) {
        return webSocketReasons.containsKey(location);
    }

    private String webSocketReason(Location location) {
        if (config.proxyPass(location).isEmpty()) {
            return null;
        }
        long tunnels = log.count(location, FailureClass.RESET_UPGRADED_UPSTREAM, FailureClass.RESET_UPGRADED_CLIENT,
                FailureClass.TUNNEL_IDLE_TIMEOUT);
        if (tunnels > 0) {
            return tunnels + " error-log line(s) from upgraded (WebSocket) connections served here";
        }
        HeaderSet headers = config.headers(location);
        Directive upgrade = headers.get("Upgrade");
        if (upgrade != null) {
            return "it sets the Upgrade header (" + config.where(upgrade) + ")";
        }
        String connection = headers.value("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "it sets Connection \"" + connection + "\"";
        }
        if (WEBSOCKET_PATH.matcher(location.pattern()).find()) {
            return "its path " + location.pattern() + " looks like a WebSocket endpoint";
        }
        return null;
    }
}

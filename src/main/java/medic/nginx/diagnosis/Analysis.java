package medic.nginx.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final NginxConfig config;
    private final LogView log;
    private final BackendFacts facts;
    /** Why each location (by {@link Location#index()}) serves WebSocket traffic; null where it does not. */
    private final String[] webSocketReasons;
    /** The locations with a reason, in file order: most rules look at these alone. */
    private final List<Location> webSocketLocations;

    public Analysis(NginxConfig config, LogView log, BackendFacts facts) {
        this.config = config;
        this.log = log;
        this.facts = facts;
        List<Location> locations = config.locations();
        this.webSocketReasons = new String[locations.size()];
        Map<String, Boolean> pathVerdicts = new HashMap<>();
        List<Location> webSockets = new java.util.ArrayList<>();
        for (int i = 0; i < webSocketReasons.length; i++) {
            webSocketReasons[i] = webSocketReason(locations.get(i), pathVerdicts);
            if (webSocketReasons[i] != null) {
                webSockets.add(locations.get(i));
            }
        }
        this.webSocketLocations = java.util.Collections.unmodifiableList(webSockets);
    }

    /** The locations taken to serve WebSocket traffic ({@link #isWebSocket}), in the order of the config's. */
    public List<Location> webSocketLocations() {
        return webSocketLocations;
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
        return Optional.ofNullable(reason(location));
    }

    public boolean isWebSocket(Location location) {
        return reason(location) != null;
    }

    private String reason(Location location) {
        int index = location.index();
        boolean ours = index >= 0 && index < webSocketReasons.length && config.locations().get(index) == location;
        return ours ? webSocketReasons[index] : null;
    }

    /** {@code pathVerdicts} remembers the path test per pattern: large configs repeat a few patterns per server. */
    private String webSocketReason(Location location, Map<String, Boolean> pathVerdicts) {
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
        if (pathVerdicts.computeIfAbsent(location.pattern(), WebSocketPaths::looksLikeEndpoint)) {
            return "its path " + location.pattern() + " looks like a WebSocket endpoint";
        }
        return null;
    }
}

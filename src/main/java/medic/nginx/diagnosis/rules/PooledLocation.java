package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import medic.nginx.config.Directive;
import medic.nginx.config.Token;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.Effective;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * Whether a location lets nginx reuse pooled upstream connections, and the edits that make it so. nginx parks
 * a connection only after an HTTP/1.1 exchange without {@code Connection: close}; before 1.29.7 it speaks
 * HTTP/1.0 and sends {@code Connection: close} unless told otherwise.
 */
record PooledLocation(Location location, Effective httpVersion, String connection, boolean needsHttp11,
                      boolean needsConnectionCleared) {
    static final String EMPTY = "\"\"";

    static PooledLocation of(Analysis analysis, Location location) {
        NginxConfig config = analysis.config();
        Effective version = config.effective(location, "proxy_http_version");
        String connection = config.headers(location).value("Connection");
        boolean closes;
        if (connection == null) {
            closes = !config.version().http11ByDefault();
        } else if (connection.startsWith("$")) {
            // A map variable: '' -> "" clears it; '' -> close is WS08's finding, other variables are unknowable.
            closes = false;
        } else {
            closes = connection.toLowerCase(Locale.ROOT).contains("close");
        }
        return new PooledLocation(location, version, connection, "1.0".equals(version.value()), closes);
    }

    boolean reusesConnections() {
        return !needsHttp11 && !needsConnectionCleared;
    }

    /** What stops reuse, in words, e.g. "proxy_http_version 1.0 (default) and no proxy_set_header Connection". */
    String problem() {
        List<String> parts = new ArrayList<>();
        if (needsHttp11) {
            parts.add("proxy_http_version " + httpVersion.value() + (httpVersion.isDefault() ? " (default)" : ""));
        }
        if (needsConnectionCleared) {
            parts.add(connection == null ? "no proxy_set_header Connection (nginx then sends \"Connection: close\")"
                    : "proxy_set_header Connection \"" + connection + "\"");
        }
        return String.join(" and ", parts);
    }

    /**
     * The edits for this location. A WebSocket location gets Connection from the upgrade map (with {@code '' ""}),
     * since a literal {@code ""} would strip the upgrade handshake.
     */
    List<Change> changes(Analysis analysis) {
        List<Change> changes = new ArrayList<>();
        if (needsHttp11) {
            changes.add(new Change.SetDirective(location.scope(), "proxy_http_version", List.of("1.1")));
        }
        if (needsConnectionCleared) {
            if (analysis.isWebSocket(location)) {
                String variable = UpgradeMap.variable(analysis.config());
                changes.add(new Change.EnsureUpgradeMap(variable, EMPTY));
                changes.addAll(header(analysis.config(), location, "Connection", variable));
            } else {
                changes.addAll(header(analysis.config(), location, "Connection", EMPTY));
            }
        }
        return changes;
    }

    /**
     * Sets a header in the location. When the location has no proxy_set_header of its own, the first one added
     * there would silently drop every inherited header, so those are repeated in the location first.
     */
    static List<Change> header(NginxConfig config, Location location, String name, String rawValue) {
        List<Change> changes = new ArrayList<>();
        HeaderSet headers = config.headers(location);
        if (headers.level() != null && headers.level() != location.scope()) {
            for (Directive inherited : headers.headers()) {
                if (inherited.argCount() >= 1 && !inherited.arg(0).equalsIgnoreCase(name)) {
                    changes.add(Change.AddDirective.ifAbsent(location.scope(), "proxy_set_header", raw(inherited), 1));
                }
            }
        }
        changes.add(Change.AddDirective.upsert(location.scope(), "proxy_set_header", List.of(name, rawValue), 1));
        return changes;
    }

    /** A directive's arguments as written (quotes kept), so a copy reads like the original. */
    static List<String> raw(Directive directive) {
        return directive.tokens().subList(1, directive.tokens().size()).stream().map(Token::raw).toList();
    }
}

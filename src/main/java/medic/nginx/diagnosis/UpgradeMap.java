package medic.nginx.diagnosis;

import medic.nginx.config.Directive;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;
import medic.nginx.model.Upstream;

/** The http-level {@code map $http_upgrade $var {...}} of the WebSocket recipe, if the config has one. */
public record UpgradeMap(Scope scope, String variable) {
    public static final String DEFAULT_VARIABLE = "$connection_upgrade";

    /** The existing map from {@code $http_upgrade}, or null. */
    public static UpgradeMap find(NginxConfig config) {
        if (config.http() == null) {
            return null;
        }
        for (Scope map : config.http().children(ScopeKind.MAP)) {
            Directive block = map.block();
            if (block.argCount() == 2 && block.arg(0).equalsIgnoreCase("$http_upgrade")) {
                return new UpgradeMap(map, block.arg(1));
            }
        }
        return null;
    }

    /** The value the map gives when the client sent no Upgrade header, or null when unset. */
    public String emptyValue() {
        for (Directive entry : scope.directives()) {
            if (entry.name().isEmpty() && entry.argCount() == 1) {
                return entry.arg(0);
            }
        }
        return null;
    }

    /** The variable name fixes should use: the existing map's, else {@link #DEFAULT_VARIABLE}. */
    public static String variable(NginxConfig config) {
        UpgradeMap map = find(config);
        return map == null ? DEFAULT_VARIABLE : map.variable();
    }

    /**
     * What a new map should give plain requests: {@code ""} keeps upstream keepalive working (nginx's own
     * recipe says {@code close}, which defeats it); only a literal-address proxy_pass has no pool to keep.
     */
    public static String emptyValueFor(Upstream upstream) {
        return upstream != null && upstream.isImplicit() ? "close" : "\"\"";
    }
}

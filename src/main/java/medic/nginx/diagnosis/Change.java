package medic.nginx.diagnosis;

import java.util.List;
import medic.nginx.model.Scope;
import medic.nginx.model.UpstreamServer;

/**
 * One structured edit a finding asks for. The hardener turns changes into minimal text edits; rules only
 * say what nginx should end up with, never how the file text changes.
 */
public sealed interface Change {
    /** Set a single-valued directive in a scope: replace it where the scope has it, else add it beside its kin. */
    record SetDirective(Scope scope, String name, List<String> args) implements Change { }

    /**
     * Add a multi-valued directive (proxy_set_header, limit_conn...) to a scope. {@code keyArgs} leading args
     * identify it (1 for a header name); when the scope already has one with that key it is replaced if
     * {@code replace}, else left alone (so an operator's own {@code Host $http_host} survives).
     */
    record AddDirective(Scope scope, String name, List<String> args, int keyArgs, boolean replace) implements Change {
        public static AddDirective upsert(Scope scope, String name, List<String> args, int keyArgs) {
            return new AddDirective(scope, name, args, keyArgs, true);
        }

        public static AddDirective ifAbsent(Scope scope, String name, List<String> args, int keyArgs) {
            return new AddDirective(scope, name, args, keyArgs, false);
        }
    }

    /** Set a parameter of an upstream server line, e.g. {@code max_fails=3}. */
    record SetServerParam(UpstreamServer server, String param, String value) implements Change { }

    /** Make sure the http context has {@code map $http_upgrade $variable { default upgrade; '' emptyValue; }}. */
    record EnsureUpgradeMap(String variable, String emptyValue) implements Change { }

    /** Make sure the http context has a directive (e.g. limit_conn_zone) whose first {@code keyArgs} args match. */
    record EnsureHttpDirective(String name, List<String> args, int keyArgs) implements Change { }

    /** Change the value of an existing map entry (e.g. {@code '' close} to {@code '' ""}). */
    record SetMapEntry(Scope map, String key, String value) implements Change { }

    /** Add the {@code ^~} modifier to a prefix location so regex locations stop stealing its URIs. */
    record MakePrefixNoRegex(Scope location) implements Change { }
}

package medic.nginx.model;

import java.util.LinkedHashMap;
import java.util.Map;
import medic.nginx.config.Directive;

/** One {@code server} line of an upstream block with its parameters. */
public record UpstreamServer(String address, Map<String, String> params, boolean backup, boolean down,
                             Directive directive) {

    static UpstreamServer of(Directive directive) {
        Map<String, String> params = new LinkedHashMap<>();
        boolean backup = false;
        boolean down = false;
        for (String arg : directive.args().subList(1, directive.argCount())) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                params.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else {
                backup |= arg.equals("backup");
                down |= arg.equals("down");
                params.put(arg, "");
            }
        }
        return new UpstreamServer(directive.arg(0), Map.copyOf(params), backup, down, directive);
    }

    /** The parameter's value, or null when the server line does not set it. */
    public String param(String name) {
        return params.get(name);
    }

    /** The host part of the address (no port); null for unix sockets. */
    public String host() {
        if (address.startsWith("unix:")) {
            return null;
        }
        if (address.startsWith("[")) {
            return address.substring(1, address.indexOf(']'));
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 ? address.substring(0, colon) : address;
    }

    /** True when the address is a name nginx resolves once at start-up rather than an IP literal. */
    public boolean isHostname() {
        String host = host();
        return host != null && !host.startsWith("[") && !host.contains(":")
                && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.equals("localhost");
    }
}

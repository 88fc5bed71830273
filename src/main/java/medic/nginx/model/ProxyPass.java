package medic.nginx.model;

import medic.nginx.config.Directive;

/** A location's {@code proxy_pass} target, split into scheme, host (or upstream name), port and URI. */
public record ProxyPass(Directive directive, String scheme, String host, Integer port, String uri,
                        boolean hasVariables) {

    static ProxyPass of(Directive directive) {
        String url = directive.arg(0);
        if (url == null) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd > 0 ? url.substring(0, schemeEnd) : "http";
        String rest = schemeEnd > 0 ? url.substring(schemeEnd + 3) : url;
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String uri = slash < 0 ? null : rest.substring(slash);
        String host = hostPort;
        Integer port = null;
        if (hostPort.startsWith("unix:")) {
            host = hostPort;
        } else {
            int colon = hostPort.lastIndexOf(':');
            int bracket = hostPort.lastIndexOf(']');
            if (colon > bracket && colon > 0) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = null;
                }
            }
        }
        return new ProxyPass(directive, scheme, host, port, uri, url.contains("$"));
    }

    /** host[:port] as nginx names an implicit upstream. */
    public String target() {
        return port == null ? host : host + ":" + port;
    }
}

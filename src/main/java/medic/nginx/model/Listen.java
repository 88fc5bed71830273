package medic.nginx.model;

import medic.nginx.config.Directive;

/** One {@code listen} of a server: the address and port it binds and whether it is the default server. */
public record Listen(String address, int port, boolean defaultServer, boolean ssl, Directive directive) {

    static Listen of(Directive directive) {
        String spec = directive.arg(0);
        String address = "*";
        int port = 80;
        if (spec.startsWith("unix:")) {
            address = spec;
            port = -1;
        } else if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            address = spec.substring(0, close + 1);
            if (close + 2 < spec.length()) {
                port = parsePort(spec.substring(close + 2));
            }
        } else if (spec.contains(":")) {
            int colon = spec.lastIndexOf(':');
            address = spec.substring(0, colon);
            port = parsePort(spec.substring(colon + 1));
        } else if (allDigits(spec)) {
            port = parsePort(spec);
        } else {
            address = spec;
        }
        boolean isDefault = directive.args().contains("default_server") || directive.args().contains("default");
        return new Listen(address, port, isDefault, directive.args().contains("ssl"), directive);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

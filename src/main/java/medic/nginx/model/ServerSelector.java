package medic.nginx.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the server block for a request the way nginx does: among servers listening on the port, an exact
 * name, then the longest leading wildcard, then the longest trailing wildcard, then the first regex in file
 * order; otherwise the port's default server (marked {@code default_server}, or the first listening on it).
 */
public final class ServerSelector {
    private ServerSelector() {
    }

    /** The server for a Host header on a port; {@code port} null means any port. */
    public static Optional<Server> select(List<Server> servers, String host, Integer port) {
        List<Server> candidates = servers.stream()
                .filter(s -> port == null || s.listens().stream().anyMatch(l -> l.port() == port))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String name = host == null ? "" : stripPort(host.toLowerCase(Locale.ROOT));
        for (Server s : candidates) {
            if (s.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name))) {
                return Optional.of(s);
            }
        }
        Server best = null;
        int bestLength = -1;
        for (Server s : candidates) {
            for (String n : s.names()) {
                String lower = n.toLowerCase(Locale.ROOT);
                String suffix = lower.startsWith("*.") ? lower.substring(1) : lower.startsWith(".") ? lower : null;
                boolean matches = suffix != null && (name.endsWith(suffix) || (lower.startsWith(".") && name.equals(lower.substring(1))));
                if (matches && suffix.length() > bestLength) {
                    best = s;
                    bestLength = suffix.length();
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        for (Server s : candidates) {
            for (String n : s.names()) {
                String lower = n.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".*") && name.startsWith(lower.substring(0, lower.length() - 1))
                        && lower.length() > bestLength) {
                    best = s;
                    bestLength = lower.length();
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        for (Server s : candidates) {
            for (String n : s.names()) {
                if (n.startsWith("~")) {
                    Pattern regex = PcreTranslator.compile(n.substring(1), false);
                    if (regex != null && regex.matcher(name).find()) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return candidates.stream()
                .filter(s -> s.listens().stream().anyMatch(l -> l.defaultServer() && (port == null || l.port() == port)))
                .findFirst()
                .or(() -> Optional.of(candidates.get(0)));
    }

    /**
     * The server an error-log line names: nginx writes the first server_name of the block that handled the
     * request, so that decides; the Host header only breaks ties between blocks sharing a first name.
     */
    public static Optional<Server> forLogLine(List<Server> servers, String serverName, String host) {
        String wanted = serverName == null ? "" : serverName;
        return forLogLine(servers, servers.stream().filter(s -> s.primaryName().equals(wanted)).toList(), host);
    }

    /** As {@link #forLogLine(List, String, String)} with the servers whose first name is the logged one found. */
    static Optional<Server> forLogLine(List<Server> servers, List<Server> named, String host) {
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        if (named.size() > 1) {
            return select(named, host, null);
        }
        return select(servers, host, null);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }
}

package medic.nginx.model;

import java.util.Map;

/** nginx's built-in values for the directives the rules read, per version where they changed. */
public final class Defaults {
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("proxy_connect_timeout", "60s"),
            Map.entry("proxy_send_timeout", "60s"),
            Map.entry("proxy_read_timeout", "60s"),
            Map.entry("send_timeout", "60s"),
            Map.entry("proxy_buffering", "on"),
            Map.entry("proxy_cache", "off"),
            Map.entry("proxy_buffer_size", "4k|8k"),
            Map.entry("proxy_next_upstream", "error timeout"),
            Map.entry("proxy_socket_keepalive", "off"),
            Map.entry("keepalive_timeout", "60s"),
            Map.entry("keepalive_requests", "1000"),
            Map.entry("max_fails", "1"),
            Map.entry("fail_timeout", "10s"),
            Map.entry("worker_connections", "512"),
            Map.entry("worker_processes", "1"),
            Map.entry("error_log", "logs/error.log error"));

    private Defaults() {
    }

    /** The default of {@code directive} for this version, or null when nginx has none we model. */
    public static String of(String directive, NginxVersion version) {
        return switch (directive) {
            case "proxy_http_version" -> version.http11ByDefault() ? "1.1" : "1.0";
            case "keepalive" -> version.http11ByDefault() ? "32 local" : null;
            default -> FIXED.get(directive);
        };
    }
}

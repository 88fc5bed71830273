package medic.nginx.diagnosis.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxTime;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * The idle timeout a backend closes kept-alive connections after, as the facts give it for an upstream
 * (by group name, server address or server host; the shortest wins), and the nginx keepalive_timeout that
 * stays safely below it.
 */
record BackendIdle(Duration idle, String key, String source) {

    /** The shortest declared or measured idle timeout for any name of the upstream, or null when unknown. */
    static BackendIdle of(BackendFacts facts, Upstream upstream) {
        List<String> keys = new ArrayList<>();
        keys.add(upstream.name());
        for (UpstreamServer server : upstream.servers()) {
            keys.add(server.address());
            if (server.host() != null) {
                keys.add(server.host());
            }
        }
        BackendIdle shortest = null;
        for (String key : keys) {
            Duration idle = facts.backendIdleTimeouts().get(key);
            if (idle != null && (shortest == null || idle.compareTo(shortest.idle) < 0)) {
                shortest = new BackendIdle(idle, key, facts.sources().getOrDefault(key, "backend facts"));
            }
        }
        return shortest;
    }

    /**
     * A keepalive_timeout strictly below the backend's: a fifth of it (at least one second) as margin for
     * the time between the backend's last write and nginx parking the connection, in whole seconds from 2s
     * up; below that half the backend value in milliseconds. Null when the backend keeps nothing alive.
     */
    Duration safeNginxTimeout() {
        long millis = idle.toMillis();
        if (millis <= 1) {
            return null;
        }
        if (millis < 2000) {
            return Duration.ofMillis(millis / 2);
        }
        long margin = Math.max(1000, millis / 5);
        long seconds = Math.max(1, (millis - margin) / 1000);
        return Duration.ofSeconds(seconds);
    }

    String describe() {
        return NginxTime.format(idle) + " (" + key + ", " + source + ")";
    }
}

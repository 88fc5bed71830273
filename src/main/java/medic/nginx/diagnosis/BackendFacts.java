package medic.nginx.diagnosis;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What medic knows about the world outside nginx: backend idle timeouts (declared by the operator or
 * measured by a probe) keyed by upstream name or server address, and how many tunnels are expected.
 */
public record BackendFacts(Map<String, Duration> backendIdleTimeouts, Map<String, String> sources,
                           Integer expectedTunnels) {
    public static final BackendFacts NONE = new BackendFacts(Map.of(), Map.of(), null);

    public BackendFacts {
        backendIdleTimeouts = Map.copyOf(backendIdleTimeouts);
        sources = Map.copyOf(sources);
    }

    /** These facts plus {@code declared} idle timeouts for the backends they do not cover yet, from {@code source}. */
    public BackendFacts withDeclared(Map<String, Duration> declared, String source) {
        if (declared.isEmpty()) {
            return this;
        }
        Map<String, Duration> idle = new HashMap<>(backendIdleTimeouts);
        Map<String, String> from = new HashMap<>(sources);
        declared.forEach((backend, timeout) -> {
            if (idle.putIfAbsent(backend, timeout) == null) {
                from.put(backend, source);
            }
        });
        return new BackendFacts(idle, from, expectedTunnels);
    }
}

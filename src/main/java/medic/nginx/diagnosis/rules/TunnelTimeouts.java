package medic.nginx.diagnosis.rules;

import java.time.Duration;
import medic.nginx.model.Effective;
import medic.nginx.model.NginxTime;

/**
 * Shared judgement for timeouts on tunnels: below ten minutes an idle WebSocket is cut too soon for push
 * traffic, and the value proposed (an hour) clears that bar so a hardened config stays quiet.
 */
final class TunnelTimeouts {
    /** Shorter than this is "too short" for a tunnel that may sit idle between pushes. */
    static final Duration SHORTEST_FOR_TUNNELS = Duration.ofMinutes(10);
    /** What the fixes propose. */
    static final String PROPOSED = "3600s";

    private TunnelTimeouts() {
    }

    /** The effective duration, or null when nginx would not read the value as a time. */
    static Duration of(Effective effective) {
        return NginxTime.parse(effective.firstArg());
    }

    static boolean tooShort(Effective effective) {
        Duration value = of(effective);
        return value != null && value.compareTo(SHORTEST_FOR_TUNNELS) < 0;
    }
}

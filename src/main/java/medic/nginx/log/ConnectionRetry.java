package medic.nginx.log;

import java.util.List;

/**
 * A client connection ({@code *CONN}) with more than one upstream failure: nginx trying the next upstream
 * (proxy_next_upstream) or retrying after a reset on a reused keepalive connection. Requests that share a
 * keepalive client connection also share the number, so a retry here is "same connection", not proof of a retry.
 */
public record ConnectionRetry(long connection, List<FailureClass> failures, long firstLine, long lastLine) {
    public ConnectionRetry {
        failures = List.copyOf(failures);
    }

    public boolean involvesReset() {
        return failures.stream().anyMatch(FailureClass::isReset);
    }
}

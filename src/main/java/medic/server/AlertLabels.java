package medic.server;

import java.util.List;

/**
 * Which Alertmanager labels name the host and the nginx upstream of an alert; the first label present wins.
 * Inventory entries may also match alerts by their own {@code alert_labels}.
 */
public record AlertLabels(List<String> hostLabels, List<String> upstreamLabels) {
    public AlertLabels {
        hostLabels = List.copyOf(hostLabels);
        upstreamLabels = List.copyOf(upstreamLabels);
        if (hostLabels.isEmpty()) {
            throw new IllegalArgumentException("at least one label must name the host");
        }
    }
}

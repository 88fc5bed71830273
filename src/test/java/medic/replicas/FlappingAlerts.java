package medic.replicas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A small flapping storm on host edge-1: {@code upstreams} alert groups of five alerts, each alert firing for half of
 * every second of storm time and resolved for the other half (phases spread so a group rarely resolves as a whole).
 * Delivery {@code step} of a group is what Alertmanager would send {@code step * 250 ms} into the storm.
 */
final class FlappingAlerts {
    static final int PER_GROUP = 5;
    private static final long STEP_MILLIS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int upstreams;
    private final Instant origin;

    FlappingAlerts(int upstreams, Instant origin) {
        this.upstreams = upstreams;
        this.origin = origin;
    }

    int groups() {
        return upstreams;
    }

    /**
     * The delivery of {@code group} at {@code step}, Alertmanager v4 JSON; its occurrences ({@code fingerprint@
     * epochMillis}) are added to {@code occurrences}, and to {@code resolutions} when it says they ended.
     */
    String delivery(int group, int step, Set<String> occurrences, Set<String> resolutions) {
        String upstream = "flap-" + group;
        ObjectNode root = JSON.createObjectNode().put("receiver", "medic").put("status", "firing");
        ArrayNode alerts = root.putArray("alerts");
        long now = step * STEP_MILLIS;
        for (int i = 0; i < PER_GROUP; i++) {
            int index = group * PER_GROUP + i;
            long offset = i * 200L;
            long cycle = (now + offset) / 1_000;
            Instant startsAt = origin.plusMillis(cycle * 1_000 - offset);
            boolean firing = (now + offset) % 1_000 < 500;
            String fingerprint = String.format(Locale.ROOT, "f1a9%012x", index);
            ObjectNode alert = alerts.addObject().put("status", firing ? "firing" : "resolved");
            alert.putObject("labels").put("alertname", "NginxUpstreamResets").put("host", "edge-1")
                    .put("upstream", upstream).put("severity", "critical").put("pod", "pod-" + i);
            alert.putObject("annotations").put("summary", "resets on edge-1 " + upstream);
            alert.put("startsAt", startsAt.toString())
                    .put("endsAt", firing ? "0001-01-01T00:00:00Z" : startsAt.plusMillis(500).toString())
                    .put("generatorURL", "http://prometheus:9090/graph").put("fingerprint", fingerprint);
            occurrences.add(fingerprint + "@" + startsAt.toEpochMilli());
            if (!firing) {
                resolutions.add(fingerprint + "@" + startsAt.toEpochMilli());
            }
        }
        root.putObject("groupLabels").put("host", "edge-1").put("upstream", upstream);
        root.putObject("commonLabels").put("host", "edge-1").put("upstream", upstream);
        root.putObject("commonAnnotations");
        root.put("externalURL", "http://alertmanager:9093").put("version", "4")
                .put("groupKey", "{}:{host=\"edge-1\", upstream=\"" + upstream + "\"}").put("truncatedAlerts", 0);
        return root.toString();
    }
}

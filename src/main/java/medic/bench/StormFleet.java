package medic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.inventory.KeySource;
import medic.inventory.LabelMatcher;
import medic.inventory.NginxSettings;
import medic.inventory.Transport;

/**
 * The alert storm's world: {@code hosts x upstreams} alert groups of equal size sharing {@code fingerprints}
 * alerts, each flapping on its own period (4-12 s) and phase, so its state at any moment is a pure function of
 * the time (no shared mutable state across sender threads). Builds Alertmanager v4 payloads with Jackson.
 */
final class StormFleet {

    static final int UPSTREAMS = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What one alert says at one moment; {@code endsAt} null while firing. */
    record AlertState(String fingerprint, int group, Instant startsAt, Instant endsAt) {
        boolean firing() {
            return endsAt == null;
        }
    }

    private final int hosts;
    private final int fingerprints;
    private final Instant origin;

    StormFleet(int hosts, int fingerprints, Instant origin) {
        if (fingerprints % (hosts * UPSTREAMS) != 0) {
            throw new IllegalArgumentException("fingerprints must split evenly into " + hosts * UPSTREAMS + " groups");
        }
        this.hosts = hosts;
        this.fingerprints = fingerprints;
        this.origin = origin;
    }

    int groups() {
        return hosts * UPSTREAMS;
    }

    int perGroup() {
        return fingerprints / groups();
    }

    static String hostName(int host) {
        return String.format(Locale.ROOT, "storm-%02d", host + 1);
    }

    Inventory inventory() {
        List<HostEntry> entries = new ArrayList<>();
        NginxSettings nginx = new NginxSettings(NginxSettings.DEFAULT_BINARY, NginxSettings.DEFAULT_CONFIG,
                List.of(NginxSettings.DEFAULT_ERROR_LOG), null);
        for (int host = 0; host < hosts; host++) {
            String name = hostName(host);
            entries.add(new HostEntry(name, Transport.SSH, name + ".example.net", 22, "medic",
                    new KeySource.Env("MEDIC_BENCH_KEY", null), Path.of("known_hosts"), null, "", nginx,
                    List.of(LabelMatcher.equal("host", name))));
        }
        return new Inventory(entries);
    }

    /**
     * Alert {@code index}'s state at {@code at}: every alert fires at the origin (having started up to one period
     * earlier), then alternates resolved and firing, one period each.
     */
    AlertState state(int index, Instant at) {
        long period = 4_000 + (index * 7_919L) % 8_000;
        long phase = (index * 104_729L) % period;
        long cycle = Math.max(0, at.toEpochMilli() - origin.toEpochMilli() + phase) / period;
        Instant firstStart = origin.minusMillis(phase);
        String fingerprint = String.format(Locale.ROOT, "%016x", index * 0x9E3779B97F4A7C15L);
        int group = index / perGroup();
        if (cycle % 2 == 0) {
            return new AlertState(fingerprint, group, firstStart.plusMillis(cycle * period), null);
        }
        return new AlertState(fingerprint, group, firstStart.plusMillis((cycle - 1) * period),
                firstStart.plusMillis(cycle * period));
    }

    /** Request {@code sequence}'s alerts: half of one group's alerts, groups and halves taken in turn. */
    List<AlertState> request(long sequence, int alertsPerRequest, Instant at) {
        int group = (int) (sequence % groups());
        int offset = (int) ((sequence / groups()) * alertsPerRequest % perGroup());
        List<AlertState> states = new ArrayList<>();
        for (int i = 0; i < perGroup() && states.size() < alertsPerRequest; i++) {
            states.add(state(group * perGroup() + (offset + i) % perGroup(), at));
        }
        return states;
    }

    String payload(List<AlertState> states, int group) {
        String host = hostName(group / UPSTREAMS);
        String upstream = "upstream-" + (group % UPSTREAMS);
        ObjectNode root = MAPPER.createObjectNode();
        boolean anyFiring = states.stream().anyMatch(AlertState::firing);
        root.put("receiver", "medic").put("status", anyFiring ? "firing" : "resolved");
        ArrayNode alerts = root.putArray("alerts");
        for (AlertState state : states) {
            ObjectNode alert = alerts.addObject();
            alert.put("status", state.firing() ? "firing" : "resolved");
            ObjectNode labels = alert.putObject("labels");
            labels.put("alertname", "NginxUpstreamResets").put("host", host).put("instance", host + ":9113")
                    .put("job", "nginx").put("severity", "critical").put("upstream", upstream)
                    .put("alert", state.fingerprint());
            alert.putObject("annotations").put("summary", "resets on " + host + " " + upstream);
            alert.put("startsAt", state.startsAt().toString());
            alert.put("endsAt", state.firing() ? "0001-01-01T00:00:00Z" : state.endsAt().toString());
            alert.put("generatorURL", "http://prometheus:9090/graph").put("fingerprint", state.fingerprint());
        }
        root.putObject("groupLabels").put("host", host).put("upstream", upstream);
        root.putObject("commonLabels").put("host", host).put("upstream", upstream);
        root.putObject("commonAnnotations");
        root.put("externalURL", "http://alertmanager:9093").put("version", "4")
                .put("groupKey", "{}:{host=\"" + host + "\", upstream=\"" + upstream + "\"}").put("truncatedAlerts", 0);
        return root.toString();
    }
}

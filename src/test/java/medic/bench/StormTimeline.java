package medic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The storm as a timeline: payload {@code k} is what the flapping fleet says {@code k / rate} seconds after the
 * origin, so the pre-written payloads flap over the run as a live Alertmanager's would. Any payload's alerts can be
 * recomputed afterwards (the fleet is a pure function of time), which is how the check knows what was sent.
 */
record StormTimeline(StormFleet fleet, Instant origin, int rate, int alertsPerRequest) {

    /** Writes payloads {@code 0.json ... (count-1).json} into {@code dir}, starting now. */
    static StormTimeline write(Path dir, int count, int rate, int hosts, int fingerprints, int alertsPerRequest)
            throws IOException {
        Files.createDirectories(dir);
        Instant origin = Instant.now();
        StormTimeline timeline = new StormTimeline(new StormFleet(hosts, fingerprints, origin), origin, rate,
                alertsPerRequest);
        for (int k = 0; k < count; k++) {
            List<StormFleet.AlertState> states = timeline.states(k);
            Files.writeString(dir.resolve(k + ".json"), timeline.fleet.payload(states, states.get(0).group()));
        }
        return timeline;
    }

    /** Payload {@code index}'s alerts. */
    List<StormFleet.AlertState> states(int index) {
        return fleet.request(index, alertsPerRequest, origin.plusNanos(index * 1_000_000_000L / rate));
    }
}

package medic.nginx;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import medic.nginx.log.FailureClass;

/**
 * What the error log said, summarised for people: how much was read, failures per class, where they went
 * (location label -> count), and bursts. Line counts of lines medic could not read are reported, never fatal.
 */
public record LogStats(long lines, long unreadable, Map<FailureClass, Long> failures, Map<String, Long> locations,
                       List<String> bursts, LocalDateTime first, LocalDateTime last) {
    public LogStats {
        failures = Map.copyOf(failures);
        locations = Map.copyOf(locations);
        bursts = List.copyOf(bursts);
    }

    public long upstreamFailures() {
        return failures.entrySet().stream().filter(e -> e.getKey().isUpstreamFailure())
                .mapToLong(Map.Entry::getValue).sum();
    }
}

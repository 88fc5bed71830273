package medic.nginx.diagnosis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * The error log seen through the config: each failure mapped to the location that served it (nginx's own
 * server and location selection), so rules can ask "how many resets did this location see".
 */
public final class LogView {
    private static final LogView NONE = new LogView(false, List.of(), null);

    private final boolean present;
    private final List<LogEvent> events;
    private final Map<FailureClass, Long> totals = new EnumMap<>(FailureClass.class);
    private final Map<Location, List<LogEvent>> byLocation = new IdentityHashMap<>();
    private final List<LogEvent> unmapped = new ArrayList<>();

    private LogView(boolean present, List<LogEvent> events, NginxConfig config) {
        this.present = present;
        this.events = List.copyOf(events);
        for (LogEvent event : events) {
            totals.merge(event.failure(), event.count(), Long::sum);
            Location location = event.uri() == null || config == null ? null
                    : config.locationForLogLine(event.server(), event.host(), event.uri()).orElse(null);
            if (location == null) {
                unmapped.add(event);
            } else {
                byLocation.computeIfAbsent(location, l -> new ArrayList<>()).add(event);
            }
        }
    }

    /** No error log was given: rules fall back to config-only reasoning. */
    public static LogView none() {
        return NONE;
    }

    public static LogView of(List<LogEvent> events, NginxConfig config) {
        return new LogView(true, events, config);
    }

    public boolean present() {
        return present;
    }

    public List<LogEvent> events() {
        return events;
    }

    public long total(FailureClass failure) {
        return totals.getOrDefault(failure, 0L);
    }

    /** Failures of the given classes among requests this location served. */
    public long count(Location location, FailureClass... failures) {
        if (!byLocation.containsKey(location)) {
            return 0; // the usual answer: rules and the analysis ask this of every location
        }
        return events(location, failures).stream().mapToLong(LogEvent::count).sum();
    }

    /** As {@link #count(Location, FailureClass...)} but only for requests with this method. */
    public long count(Location location, String method, FailureClass... failures) {
        if (!byLocation.containsKey(location)) {
            return 0;
        }
        return events(location, failures).stream().filter(e -> method.equalsIgnoreCase(e.method()))
                .mapToLong(LogEvent::count).sum();
    }

    public List<LogEvent> events(Location location, FailureClass... failures) {
        List<LogEvent> here = byLocation.get(location);
        if (here == null) {
            // Most locations of a large config saw no failure; rules ask about every one of them.
            return List.of();
        }
        Set<FailureClass> wanted = failures.length == 0 ? Set.of(FailureClass.values()) : Set.of(failures);
        return here.stream().filter(e -> wanted.contains(e.failure())).toList();
    }

    /** Failures against an upstream, by the group name or address nginx printed after {@code upstream:}. */
    public long countForUpstream(String upstreamNameOrAddress, FailureClass... failures) {
        Set<FailureClass> wanted = failures.length == 0 ? Set.of(FailureClass.values()) : Set.of(failures);
        return events.stream().filter(e -> wanted.contains(e.failure()))
                .filter(e -> e.upstream() != null && e.upstream().contains(upstreamNameOrAddress))
                .mapToLong(LogEvent::count).sum();
    }

    /** Locations that served at least one failure, with their counts, busiest first. */
    public Map<Location, Long> locationsWithFailures() {
        Map<Location, Long> counts = new LinkedHashMap<>();
        byLocation.entrySet().stream()
                .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> counts.put(e.getKey(), sum(e.getValue())));
        return counts;
    }

    /** Failures whose request could not be mapped to a location (no URI, unknown server). */
    public List<LogEvent> unmapped() {
        return List.copyOf(unmapped);
    }

    /** Up to {@code max} sample lines for the given classes at a location, for evidence. */
    public List<String> samples(Location location, int max, FailureClass... failures) {
        if (!byLocation.containsKey(location)) {
            return List.of();
        }
        return events(location, failures).stream().map(LogEvent::sample).filter(s -> s != null && !s.isEmpty())
                .distinct().limit(max).toList();
    }

    private static long sum(List<LogEvent> events) {
        return events.stream().mapToLong(LogEvent::count).sum();
    }
}

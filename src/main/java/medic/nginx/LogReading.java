package medic.nginx;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.diagnosis.LogEvents;
import medic.nginx.diagnosis.LogView;
import medic.nginx.log.Burst;
import medic.nginx.log.ErrorLogScanner;
import medic.nginx.log.FailureClass;
import medic.nginx.log.LineCounts;
import medic.nginx.log.LogSummary;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/** An error log read twice over: the scanner's summary for people, and its failures mapped onto the config. */
record LogReading(LogView view, LogStats stats) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    static LogReading of(byte[] log, NginxConfig config) {
        LogSummary summary = new ErrorLogScanner().scan(log);
        LogView view = LogView.of(LogEvents.from(log), config);
        LineCounts lines = summary.lines();
        Map<FailureClass, Long> failures = new EnumMap<>(FailureClass.class);
        summary.classes().asMap().forEach((k, v) -> {
            if (k != FailureClass.OTHER && v > 0) {
                failures.put(k, v);
            }
        });
        Map<String, Long> locations = new LinkedHashMap<>();
        for (Map.Entry<Location, Long> e : view.locationsWithFailures().entrySet()) {
            Location location = e.getKey();
            locations.put(location.label() + " (" + config.where(location.block()) + ", server "
                    + (location.server().primaryName().isEmpty() ? "\"\"" : location.server().primaryName()) + ")",
                    e.getValue());
        }
        List<String> bursts = summary.bursts().stream().map(LogReading::describe).toList();
        return new LogReading(view, new LogStats(lines.total(), lines.garbled() + lines.foreign(), failures,
                locations, bursts, summary.firstTimestamp().orElse(null), summary.lastTimestamp().orElse(null)));
    }

    private static String describe(Burst burst) {
        return burst.start().format(TIME) + " to " + burst.end().format(TIME) + ": " + burst.failures()
                + " failures (peak " + burst.peakPerMinute() + "/min, mostly " + burst.dominant().label() + ")";
    }
}

package medic.nginx.log;

import java.time.LocalDateTime;

/** One minute of the log: how many lines nginx wrote in it and the failure families among them. */
public record MinuteCounts(LocalDateTime minute, long lines, ClassCounts failures) {
}

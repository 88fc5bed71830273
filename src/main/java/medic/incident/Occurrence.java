package medic.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One occurrence of an alert: its fingerprint and start time, truncated to what the databases store. */
public record Occurrence(String fingerprint, Instant startsAt) {

    public static Occurrence of(String fingerprint, Instant startsAt) {
        return new Occurrence(fingerprint, startsAt.truncatedTo(ChronoUnit.MICROS));
    }
}

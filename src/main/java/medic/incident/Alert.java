package medic.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert as Alertmanager reports it. {@code fingerprint} and {@code startsAt} together name one occurrence:
 * Alertmanager resends an occurrence unchanged until it resolves, and a new firing after a resolution starts a
 * new occurrence with a new {@code startsAt}. {@code endsAt} is null while firing (Alertmanager's zero time).
 * Labels and annotations are kept verbatim (sorted by name); medic never puts them into a command.
 */
public record Alert(String fingerprint, AlertStatus status, Instant startsAt, Instant endsAt,
                    Map<String, String> labels, Map<String, String> annotations, String generatorUrl) {

    public Alert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
    }

    /** The {@code alertname} label, or "" without one. */
    public String alertname() {
        return labels.getOrDefault("alertname", "");
    }

    public boolean isFiring() {
        return status == AlertStatus.FIRING;
    }

    /** The occurrence this alert reports, as the store keys it (microsecond precision, as both databases keep). */
    public Occurrence occurrence() {
        return Occurrence.of(fingerprint, startsAt);
    }
}

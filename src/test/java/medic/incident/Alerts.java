package medic.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts for the intake tests, shaped like Alertmanager's: labels alertname, host, upstream, severity. */
final class Alerts {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456789Z");

    private Alerts() {
    }

    static Alert firing(String fingerprint, Instant startsAt, String host, String upstream) {
        return new Alert(fingerprint, AlertStatus.FIRING, startsAt, null, labels(host, upstream, "warning"),
                Map.of("summary", "resets on " + host), "http://prometheus:9090/graph");
    }

    static Alert resolved(String fingerprint, Instant startsAt, Instant endsAt, String host, String upstream) {
        return new Alert(fingerprint, AlertStatus.RESOLVED, startsAt, endsAt, labels(host, upstream, "warning"),
                Map.of("summary", "resets on " + host), "http://prometheus:9090/graph");
    }

    static Alert withLabel(Alert alert, String name, String value) {
        Map<String, String> labels = new LinkedHashMap<>(alert.labels());
        labels.put(name, value);
        return new Alert(alert.fingerprint(), alert.status(), alert.startsAt(), alert.endsAt(), labels,
                alert.annotations(), alert.generatorUrl());
    }

    private static Map<String, String> labels(String host, String upstream, String severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "NginxUpstreamResets");
        labels.put("host", host);
        if (upstream != null) {
            labels.put("upstream", upstream);
        }
        labels.put("severity", severity);
        return labels;
    }
}

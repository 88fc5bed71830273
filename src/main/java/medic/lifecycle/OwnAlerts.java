package medic.lifecycle;

import java.time.Instant;
import java.util.Map;
import medic.incident.Alert;
import medic.incident.AlertStatus;

/**
 * Alerts medic raises itself, so that incidents it opens (the log watcher's storm, {@code /medic diagnose}) go
 * through the same intake as Alertmanager's: same dedup, same grouping by host and upstream, same thread.
 */
final class OwnAlerts {
    /** The label saying who asked, for four-eyes approval. */
    static final String REQUESTED_BY = "medic_requested_by";
    static final String SOURCE = "medic_source";
    /** Where to answer the person who asked (Slack's response_url), whichever replica ends the diagnosis. */
    static final String RESPONSE_URL = "medic_response_url";
    static final String DIAGNOSE = "MedicDiagnose";
    static final String WATCHER = "NginxUpstreamResets";

    private OwnAlerts() {
    }

    /**
     * {@code /medic diagnose <host>} by a person: every request is a new occurrence. {@code responseUrl} (null when
     * there is none) is kept with the alert in the database, so the replica that ends the run can answer there.
     */
    static Alert diagnoseRequest(String host, String userId, String responseUrl, Instant now) {
        Map<String, String> labels = new java.util.HashMap<>(Map.of("alertname", DIAGNOSE, "host", host, SOURCE,
                "slash-command", REQUESTED_BY, userId));
        if (responseUrl != null && !responseUrl.isBlank()) {
            labels.put(RESPONSE_URL, responseUrl);
        }
        return new Alert("medic-diagnose-" + host, AlertStatus.FIRING, now, null, labels,
                Map.of("summary", "diagnosis requested in Slack"), "");
    }

    /** The log watcher saw a failure storm on a host. */
    static Alert watcherStorm(String host, String reason, Instant now) {
        return new Alert("medic-watch-" + host, AlertStatus.FIRING, now, null,
                Map.of("alertname", WATCHER, "host", host, SOURCE, "log-watcher"),
                Map.of("summary", reason), "");
    }

    static boolean isOwn(Alert alert) {
        return alert.labels().containsKey(SOURCE);
    }
}

package medic.alert;

import java.util.List;
import java.util.Map;
import medic.incident.Alert;

/**
 * An Alertmanager webhook notification, payload version 4 (Alertmanager's webhook_config). {@code truncatedAlerts}
 * counts alerts Alertmanager left out because of the receiver's {@code max_alerts}.
 */
public record WebhookPayload(String version, String groupKey, int truncatedAlerts, String status, String receiver,
                             Map<String, String> groupLabels, Map<String, String> commonLabels,
                             Map<String, String> commonAnnotations, String externalUrl, List<Alert> alerts) {
    public WebhookPayload {
        groupLabels = Map.copyOf(groupLabels);
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
        alerts = List.copyOf(alerts);
    }
}

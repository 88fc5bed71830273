package medic.incident;

/** Whether Alertmanager says an alert is still firing or has resolved. */
public enum AlertStatus {
    FIRING, RESOLVED
}

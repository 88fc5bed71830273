package medic.incident;

/** An incident is open while at least one of its alerts fires, resolved once all have resolved. */
public enum IncidentState {
    OPEN, RESOLVED
}

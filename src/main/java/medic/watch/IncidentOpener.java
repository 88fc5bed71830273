package medic.watch;

/** Opens an incident for a host when the watcher sees a failure storm there. */
@FunctionalInterface
public interface IncidentOpener {

    /** @param reason one line saying what was seen, e.g. "12 upstream failures in PT1M on edge-1" */
    void open(String host, String reason);
}

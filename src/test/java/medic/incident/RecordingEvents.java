package medic.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An incident flow that writes down what it was told, one line per event, in order; safe across threads. */
public final class RecordingEvents implements IncidentEvents {

    private final List<String> lines = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();

    @Override
    public synchronized void opened(Incident incident, List<Alert> alerts) {
        record("opened", incident, alerts);
    }

    @Override
    public synchronized void repeated(Incident incident, List<Alert> newAlerts) {
        record("repeated", incident, newAlerts);
    }

    @Override
    public synchronized void reopened(Incident incident, List<Alert> newAlerts) {
        record("reopened", incident, newAlerts);
    }

    @Override
    public synchronized void resolved(Incident incident) {
        record("resolved", incident, List.of());
    }

    @Override
    public synchronized void unknownHost(Alert alert, String reason) {
        lines.add("unknown host " + alert.fingerprint());
    }

    private void record(String kind, Incident incident, List<Alert> alerts) {
        incidents.add(incident);
        String fingerprints = alerts.isEmpty() ? ""
                : " " + alerts.stream().map(Alert::fingerprint).sorted().collect(Collectors.joining(",", "[", "]"));
        lines.add(kind + " #" + incident.id() + " " + incident.host() + "/" + incident.upstream() + fingerprints);
    }

    /** Lines such as {@code opened #1 edge-1/checkout [a1,a2]}, {@code resolved #1 edge-1/checkout}. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The incident snapshot each event carried, in order. */
    public synchronized List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    public synchronized void clear() {
        lines.clear();
        incidents.clear();
    }
}

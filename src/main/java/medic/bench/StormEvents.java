package medic.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import medic.incident.Alert;
import medic.incident.Incident;
import medic.incident.IncidentEvents;

/** The storm's incident flow: counts what it is told, and which incidents it was told opened. */
final class StormEvents implements IncidentEvents {

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger repeated = new AtomicInteger();
    final AtomicInteger reopened = new AtomicInteger();
    final AtomicInteger resolved = new AtomicInteger();
    final AtomicInteger unknownHosts = new AtomicInteger();
    final Set<Long> openedIds = ConcurrentHashMap.newKeySet();

    @Override
    public void opened(Incident incident, List<Alert> alerts) {
        opened.incrementAndGet();
        openedIds.add(incident.id());
    }

    @Override
    public void repeated(Incident incident, List<Alert> newAlerts) {
        repeated.incrementAndGet();
    }

    @Override
    public void reopened(Incident incident, List<Alert> newAlerts) {
        reopened.incrementAndGet();
    }

    @Override
    public void resolved(Incident incident) {
        resolved.incrementAndGet();
    }

    @Override
    public void unknownHost(Alert alert, String reason) {
        unknownHosts.incrementAndGet();
    }
}

package medic.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One attempt at recording a webhook's alerts, inside one database transaction. It reads what is stored, locks
 * the incidents it will change (in id order), and lets unique indexes settle races with other requests and
 * replicas: the loser's transaction fails with a retryable SQLSTATE and {@link AlertIntake} runs it again, when
 * the winner's rows make its alerts duplicates. Events are only collected here; they go out after commit.
 */
final class IntakeTransaction {

    /** A firing occurrence to resolve: stored row, its incident, and when it ended. */
    private record Resolution(StoredAlert stored, Instant endsAt) {
    }

    private final Connection connection;
    private final HostMapping mapping;
    private final IntakeSettings settings;
    private final Instant now;

    private final Map<IncidentKey, List<Alert>> firingByKey = new TreeMap<>();
    private final List<AlertRow> rowsWithoutIncident = new ArrayList<>();
    private final List<Resolution> resolutions = new ArrayList<>();
    private final List<IntakeEvent> events = new ArrayList<>();
    private final Map<Long, TouchedIncident> touched = new TreeMap<>();
    private int duplicates;

    IntakeTransaction(Connection connection, HostMapping mapping, IntakeSettings settings, Instant now) {
        this.connection = connection;
        this.mapping = mapping;
        this.settings = settings;
        this.now = now;
    }

    /** What the transaction did, with the events to deliver once it has committed. */
    record Outcome(List<IntakeEvent> events, int newOccurrences, int resolutions, int duplicates) {
    }

    /** Records the alerts (at most one per fingerprint). */
    Outcome record(List<Alert> alerts) throws SQLException {
        classify(alerts, StoredOccurrences.of(AlertRows.relevantTo(connection, alerts)));
        lockIncidents();
        int inserted = attachFiring();
        AlertRows.insert(connection, rowsWithoutIncident, now);
        int resolved = applyResolutions();
        refreshTouched();
        return new Outcome(List.copyOf(events), inserted + rowsWithoutIncident.size(), resolved, duplicates);
    }

    private void classify(List<Alert> alerts, StoredOccurrences stored) {
        for (Alert alert : alerts) {
            Optional<StoredAlert> same = stored.exact(alert.occurrence());
            if (alert.isFiring()) {
                if (same.isPresent()) {
                    duplicates++;
                } else if (stored.firesLater(alert)) {
                    // A late resend of an occurrence already superseded by a newer one: kept, but as ended.
                    rowsWithoutIncident.add(row(alert, AlertStatus.RESOLVED, null));
                } else {
                    stored.firingOf(alert.fingerprint()).forEach(old -> resolutions.add(new Resolution(old, alert.startsAt())));
                    addFiring(alert);
                }
            } else if (same.isPresent()) {
                if (same.get().status() == AlertStatus.RESOLVED) {
                    duplicates++;
                } else {
                    resolutions.add(new Resolution(same.get(), alert.endsAt()));
                }
            } else {
                resolveUnseen(alert, stored);
            }
        }
    }

    /**
     * A resolution for an occurrence not stored as such. Alertmanager may have moved its start earlier (it keeps
     * the earliest start when it merges a re-sent alert): then it ends the stored firing occurrence that started
     * within it. Firing occurrences that started before it are over too. Otherwise it is stored as it is.
     */
    private void resolveUnseen(Alert alert, StoredOccurrences stored) {
        Instant start = alert.occurrence().startsAt();
        boolean merged = false;
        for (StoredAlert old : stored.firingOf(alert.fingerprint())) {
            Instant oldStart = old.occurrence().startsAt();
            if (oldStart.isBefore(start)) {
                resolutions.add(new Resolution(old, alert.startsAt()));
            } else if (!oldStart.isAfter(alert.endsAt())) {
                resolutions.add(new Resolution(old, alert.endsAt()));
                merged = true;
            }
        }
        if (!merged) {
            rowsWithoutIncident.add(row(alert, AlertStatus.RESOLVED, null));
        }
    }

    private void addFiring(Alert alert) {
        HostMapping.Result result = mapping.map(alert.labels());
        if (result instanceof HostMapping.Known known) {
            firingByKey.computeIfAbsent(known.key(), key -> new ArrayList<>()).add(alert);
        } else {
            HostMapping.Unknown unknown = (HostMapping.Unknown) result;
            rowsWithoutIncident.add(new AlertRow(alert, null, unknown.upstream(), unknown.reason(), null, AlertStatus.FIRING));
            events.add(new IntakeEvent.UnknownHost(alert, unknown.reason()));
        }
    }

    private AlertRow row(Alert alert, AlertStatus status, Long incidentId) {
        HostMapping.Result result = mapping.map(alert.labels());
        if (result instanceof HostMapping.Known known) {
            return new AlertRow(alert, known.key().host(), known.key().upstream(), null, incidentId, status);
        }
        HostMapping.Unknown unknown = (HostMapping.Unknown) result;
        return new AlertRow(alert, null, unknown.upstream(), unknown.reason(), incidentId, status);
    }

    /**
     * Locks the open incident of each key with new firing alerts (in key order), then the incidents of the
     * occurrences to resolve (in id order). A deadlock with another request is retried like any lost race.
     */
    private void lockIncidents() throws SQLException {
        for (IncidentKey key : firingByKey.keySet()) {
            IncidentRows.lockOpen(connection, key).ifPresent(incident ->
                    touched.put(incident.id(), new TouchedIncident(incident, TouchedIncident.Change.EXISTING)));
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (Resolution resolution : resolutions) {
            Long id = resolution.stored().incidentId();
            if (id != null && !touched.containsKey(id)) {
                ids.add(id);
            }
        }
        for (long id : ids) {
            Incident incident = IncidentRows.lock(connection, id).orElseThrow();
            touched.put(id, new TouchedIncident(incident, TouchedIncident.Change.EXISTING));
        }
    }

    private int attachFiring() throws SQLException {
        List<AlertRow> rows = new ArrayList<>();
        for (Map.Entry<IncidentKey, List<Alert>> entry : firingByKey.entrySet()) {
            TouchedIncident incident = openIncidentFor(entry.getKey(), entry.getValue());
            incident.newAlerts.addAll(entry.getValue());
            for (Alert alert : entry.getValue()) {
                rows.add(new AlertRow(alert, entry.getKey().host(), entry.getKey().upstream(), null,
                        incident.incident.id(), AlertStatus.FIRING));
            }
        }
        AlertRows.insert(connection, rows, now);
        return rows.size();
    }

    private TouchedIncident openIncidentFor(IncidentKey key, List<Alert> alerts) throws SQLException {
        Optional<TouchedIncident> locked = touched.values().stream()
                .filter(t -> t.incident.isOpen() && t.incident.host().equals(key.host())
                        && t.incident.upstream().equals(key.upstream()))
                .findFirst();
        if (locked.isPresent()) {
            return locked.get();
        }
        Optional<TouchedIncident> reopened = reopen(key);
        if (reopened.isPresent()) {
            return reopened.get();
        }
        Instant firstSeen = alerts.stream().map(Alert::startsAt).min(Instant::compareTo).orElse(now);
        Incident created = IncidentRows.insert(connection, key, firstSeen, now);
        TouchedIncident opened = new TouchedIncident(created, TouchedIncident.Change.OPENED);
        touched.put(created.id(), opened);
        return opened;
    }

    private Optional<TouchedIncident> reopen(IncidentKey key) throws SQLException {
        if (settings.reopenWindow().isZero()) {
            return Optional.empty();
        }
        Optional<Long> candidate = IncidentRows.reopenableId(connection, key, now.minus(settings.reopenWindow()));
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Incident resolved = IncidentRows.lock(connection, candidate.get()).orElseThrow();
        if (resolved.isOpen()) {
            throw StoredOccurrences.raced("incident " + resolved.id() + " reopened meanwhile");
        }
        Incident open = new Incident(resolved.id(), resolved.host(), resolved.upstream(), IncidentState.OPEN,
                resolved.stage(), resolved.severity(), resolved.openedAt(), resolved.firstSeen(), resolved.lastSeen(),
                null, resolved.alertCount(), resolved.firingCount(), resolved.reopenCount() + 1,
                resolved.snoozedUntil(), resolved.outcome());
        IncidentRows.update(connection, open);
        TouchedIncident reopened = new TouchedIncident(open, TouchedIncident.Change.REOPENED);
        touched.put(open.id(), reopened);
        return Optional.of(reopened);
    }

    /** Resolves the firing occurrences; one another request resolved first counts as nothing here. */
    private int applyResolutions() throws SQLException {
        boolean[] changed = AlertRows.resolve(connection, resolutions.stream()
                .map(r -> new AlertRows.Ending(r.stored().id(), r.endsAt())).toList(), now);
        int resolved = 0;
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                resolved++;
                Long incidentId = resolutions.get(i).stored().incidentId();
                if (incidentId != null) {
                    touched.get(incidentId).resolvedAlerts++;
                }
            }
        }
        return resolved;
    }

    private void refreshTouched() throws SQLException {
        for (TouchedIncident entry : touched.values()) {
            if (entry.newAlerts.isEmpty() && entry.resolvedAlerts == 0 && entry.change == TouchedIncident.Change.EXISTING) {
                continue;
            }
            Incident before = entry.incident;
            Incident after = entry.refreshed(settings.severityLabel(), now);
            IncidentRows.update(connection, after);
            entry.incident = after;
            if (!entry.newAlerts.isEmpty()) {
                List<Alert> alerts = List.copyOf(entry.newAlerts);
                events.add(switch (entry.change) {
                    case OPENED -> new IntakeEvent.Opened(after, alerts);
                    case REOPENED -> new IntakeEvent.Reopened(after, alerts);
                    case EXISTING -> new IntakeEvent.Repeated(after, alerts);
                });
            }
            if (before.isOpen() && !after.isOpen()) {
                events.add(new IntakeEvent.Resolved(after));
            }
        }
    }
}

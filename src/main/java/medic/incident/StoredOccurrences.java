package medic.incident;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored occurrences relevant to one delivery, looked up by occurrence and by firing fingerprint. */
final class StoredOccurrences {

    /** SQLSTATE of a serialization failure: {@link medic.store.Jdbc#inTransaction(String, int, java.util.Set, medic.store.Jdbc.Work)} runs the transaction again. */
    private static final String RETRY = "40001";

    private final Map<Occurrence, StoredAlert> byOccurrence = new HashMap<>();
    private final Map<String, List<StoredAlert>> firingByFingerprint = new HashMap<>();

    static StoredOccurrences of(List<StoredAlert> rows) {
        StoredOccurrences stored = new StoredOccurrences();
        for (StoredAlert row : rows) {
            stored.byOccurrence.put(row.occurrence(), row);
            if (row.status() == AlertStatus.FIRING) {
                stored.firingByFingerprint.computeIfAbsent(row.occurrence().fingerprint(),
                        fingerprint -> new java.util.ArrayList<>()).add(row);
            }
        }
        return stored;
    }

    Optional<StoredAlert> exact(Occurrence occurrence) {
        return Optional.ofNullable(byOccurrence.get(occurrence));
    }

    List<StoredAlert> firingOf(String fingerprint) {
        return firingByFingerprint.getOrDefault(fingerprint, List.of());
    }

    /** True when a newer occurrence of this alert's fingerprint already fires: this firing one is stale. */
    boolean firesLater(Alert alert) {
        return firingOf(alert.fingerprint()).stream()
                .anyMatch(row -> row.occurrence().startsAt().isAfter(alert.occurrence().startsAt()));
    }

    /** An exception that makes the intake transaction start over, reading what the other request committed. */
    static SQLException raced(String what) {
        return new SQLException("lost a race with another request: " + what, RETRY);
    }
}

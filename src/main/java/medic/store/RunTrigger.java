package medic.store;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What started a run: an alert (its fingerprint), a person (who asked), the log watcher (what it saw), or an
 * incident medic handles (its id, so the run's steps and outcome go back to that incident).
 *
 * @param reference the alert fingerprint, the requester, the watcher's reason or the incident id; at most 500
 *                  characters
 */
public record RunTrigger(Kind kind, String reference) {

    /** The ways a run comes about. */
    public enum Kind {
        ALERT, MANUAL, WATCHER, INCIDENT
    }

    public RunTrigger {
        Objects.requireNonNull(kind, "kind");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " trigger needs a reference (fingerprint, requester or reason)");
        }
        if (reference.length() > 500) {
            throw new IllegalArgumentException("trigger reference longer than 500 characters: " + reference.length());
        }
    }

    public static RunTrigger alert(String fingerprint) {
        return new RunTrigger(Kind.ALERT, fingerprint);
    }

    public static RunTrigger manual(String requestedBy) {
        return new RunTrigger(Kind.MANUAL, requestedBy);
    }

    public static RunTrigger watcher(String reason) {
        return new RunTrigger(Kind.WATCHER, reason);
    }

    /** A run an incident asked for; {@link #incidentId()} gives the id back. */
    public static RunTrigger incident(long incidentId) {
        if (incidentId < 1) {
            throw new IllegalArgumentException("an incident id is 1 or more, got " + incidentId);
        }
        return new RunTrigger(Kind.INCIDENT, Long.toString(incidentId));
    }

    /** The incident this run belongs to, when an incident triggered it. */
    public OptionalLong incidentId() {
        if (kind != Kind.INCIDENT) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(reference));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

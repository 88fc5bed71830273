package medic.store;

import java.util.Objects;

/**
 * What started a run: an alert (its fingerprint), a person (who asked), or the log watcher (what it saw).
 *
 * @param reference the alert fingerprint, the requester, or the watcher's reason; at most 500 characters
 */
public record RunTrigger(Kind kind, String reference) {

    /** The three ways a run comes about. */
    public enum Kind {
        ALERT, MANUAL, WATCHER
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
}

package medic.incident;

import java.time.Instant;

/**
 * An incident: the alerts firing for one upstream on one host, from the first until the last resolves.
 * {@code stage} belongs to the incident flow ({@link IncidentStore#advance}); it starts as {@link #NEW_STAGE}.
 * {@code severity} is the most severe seen ("" when no alert carried one). {@code firstSeen} is the earliest
 * alert start, {@code lastSeen} when the latest new occurrence arrived. {@code reopenCount} counts reopenings
 * within the reopen window (a flapping upstream keeps one incident and one Slack thread).
 */
public record Incident(long id, String host, String upstream, IncidentState state, String stage, String severity,
                       Instant openedAt, Instant firstSeen, Instant lastSeen, Instant resolvedAt, int alertCount,
                       int firingCount, int reopenCount, Instant snoozedUntil, String outcome) {

    /** The stage of an incident nobody has worked on yet. */
    public static final String NEW_STAGE = "NEW";

    /** The Slack conversation of this incident, for medic.outbox.Outbox: {@code incident-<id>}. */
    public String threadKey() {
        return "incident-" + id;
    }

    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    /** True while a snooze set with {@link IncidentStore#snooze} has not run out. */
    public boolean isSnoozedAt(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }
}

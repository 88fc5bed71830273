package medic.incident;

import medic.store.Jdbc;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import medic.store.Database;

/**
 * Incidents as the incident flow and the slash commands see them: look-ups, the flow's stage moved by
 * compare-and-set (so two replicas cannot both take the same step), snoozes and outcomes. Alert intake
 * ({@link AlertIntake}) is the only writer of state, counts and times.
 */
public final class IncidentStore {

    private static final int MAX_STAGE = 64;
    private static final int MAX_OUTCOME = 1000;

    private final Jdbc sql;

    public IncidentStore(Database database) {
        this.sql = new Jdbc(database);
    }

    public Optional<Incident> incident(long id) {
        return sql.with("read incident " + id, connection -> IncidentRows.query(connection,
                "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE id = ?", id).stream().findFirst());
    }

    /** The open incidents, oldest first: {@code /medic status}. */
    public List<Incident> open() {
        return sql.with("list open incidents", connection -> IncidentRows.query(connection,
                "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE state = 'OPEN' ORDER BY opened_at, id"));
    }

    /** A host's latest incidents, newest first, with state, stage and outcome: {@code /medic history <host>}. */
    public List<Incident> history(String host, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return sql.with("list incidents of " + host, connection -> IncidentRows.query(connection,
                "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE host = ? ORDER BY opened_at DESC, id DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY", host));
    }

    /** Incidents whose flow stage is {@code stage}, oldest first: e.g. those still NEW after a crash. */
    public List<Incident> inStage(String stage) {
        return sql.with("list incidents in stage " + stage, connection -> IncidentRows.query(connection,
                "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE stage = ? ORDER BY opened_at, id", stage));
    }

    /** Every stored occurrence of an incident, oldest first, with labels and annotations as received. */
    public List<Alert> alerts(long incidentId) {
        return sql.with("read the alerts of incident " + incidentId,
                connection -> AlertRows.ofIncident(connection, incidentId));
    }

    /**
     * Moves the incident's flow stage from {@code fromStage} to {@code toStage} if it is still at
     * {@code fromStage}; false when it is not (another replica moved it first, or no such incident). The move's time
     * is kept ({@code stage_changed_at}), so a sweep can tell a stage left stuck by a crash from one in progress.
     */
    public boolean advance(long id, String fromStage, String toStage) {
        Objects.requireNonNull(fromStage, "fromStage");
        requireText(toStage, "toStage", MAX_STAGE);
        return update("advance incident " + id + " from " + fromStage + " to " + toStage,
                "UPDATE incidents SET stage = ?, stage_changed_at = CURRENT_TIMESTAMP WHERE id = ? AND stage = ?",
                toStage, id, fromStage);
    }

    /** Silences the incident's notifications until {@code until} (null lifts the snooze); false for no such id. */
    public boolean snooze(long id, Instant until) {
        return update("snooze incident " + id, "UPDATE incidents SET snoozed_until = ? WHERE id = ?", until, id);
    }

    /** Records how the incident ended for {@code /medic history}, e.g. "applied change 17"; false for no such id. */
    public boolean recordOutcome(long id, String outcome) {
        requireText(outcome, "outcome", MAX_OUTCOME);
        return update("record the outcome of incident " + id, "UPDATE incidents SET outcome = ? WHERE id = ?",
                outcome, id);
    }

    private boolean update(String what, String statement, Object... parameters) {
        return sql.with(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Instant || parameters[i] == null) {
                        Jdbc.setInstant(update, i + 1, (Instant) parameters[i]);
                    } else {
                        update.setObject(i + 1, parameters[i]);
                    }
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    private static void requireText(String value, String name, int limit) {
        if (value == null || value.isBlank() || value.length() > limit) {
            throw new IllegalArgumentException(name + " must be 1 to " + limit + " characters, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}

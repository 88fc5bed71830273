package medic.slack.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import medic.slack.ActionValue;

/**
 * Everything a Slack user can ask medic to do, implemented by the incident flow. Callers have already checked
 * permissions (and four-eyes for {@link #approve}); implementations still own correctness: an approval binds to
 * the proposal hash in the value and is applied at most once (compare-and-set in the database), whatever
 * arrives from Slack. Methods run on a worker thread, never on Slack's request thread, and may take long.
 */
public interface MedicOperations {

    /** Opens (or re-uses) an incident for {@code host} and runs its diagnosis; progress goes to its thread. */
    Outcome diagnose(String host, Caller caller);

    /** The open incidents, newest first. */
    List<IncidentStatus> status();

    /** The newest {@code limit} audit entries of {@code host}. */
    List<HistoryEntry> history(String host, int limit);

    /** Restores the files a change replaced, then {@code nginx -t} and reload. */
    Outcome rollback(String changeId, Caller caller);

    /** Who asked for the proposal or change the value names (empty when an alert opened the incident). */
    Optional<String> requesterOf(ActionValue value);

    /** Approves the exact proposal in {@code value} and applies it. */
    Outcome approve(ActionValue value, Caller approver);

    /** Rejects the proposal in {@code value}, recording who and why. */
    Outcome reject(ActionValue value, Caller caller, String reason);

    /** Runs the incident's diagnosis again. */
    Outcome rerun(ActionValue value, Caller caller);

    /** Silences the incident's updates for {@code duration}. */
    Outcome snooze(ActionValue value, Caller caller, Duration duration);

    /** Rolls back the change the value names (the button on an applied message). */
    Outcome rollback(ActionValue value, Caller caller);
}

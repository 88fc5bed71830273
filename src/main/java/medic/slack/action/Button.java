package medic.slack.action;

import medic.slack.Actions;
import medic.slack.access.Action;

/**
 * Medic's buttons and who may click them. Approve needs the approve permission in that channel and, with
 * four-eyes on, someone other than the requester. Reject and Rollback need the approve permission too (they
 * decide what happens to a host) but no second person: rolling back restores the last good config, and nobody
 * should wait for a colleague to stop a change. Re-run and Snooze only need the diagnose permission.
 */
enum Button {
    APPROVE(Actions.APPROVE, Action.APPROVE, true, true, "approve"),
    REJECT(Actions.REJECT, Action.APPROVE, false, false, "reject"),
    RERUN(Actions.RERUN, Action.DIAGNOSE, false, false, "re-run"),
    SNOOZE(Actions.SNOOZE, Action.DIAGNOSE, false, false, "snooze"),
    ROLLBACK(Actions.ROLLBACK, Action.APPROVE, false, true, "roll back");

    final String actionId;
    final Action permission;
    final boolean fourEyes;
    /** Approve and Rollback act on one exact proposal or change: their value must carry its hash. */
    final boolean needsHash;
    final String verb;

    Button(String actionId, Action permission, boolean fourEyes, boolean needsHash, String verb) {
        this.actionId = actionId;
        this.permission = permission;
        this.fourEyes = fourEyes;
        this.needsHash = needsHash;
        this.verb = verb;
    }
}

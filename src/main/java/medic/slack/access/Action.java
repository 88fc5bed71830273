package medic.slack.access;

/** What a Slack user asks medic for, as far as permissions go: looking (diagnose) or changing (approve). */
public enum Action {
    /** Run diagnoses, re-run and snooze incidents, read status and history. */
    DIAGNOSE("diagnose", "diagnose"),
    /** Approve or reject proposals and roll changes back: anything that writes to a host or decides about it. */
    APPROVE("approve", "approver");

    private final String verb;
    private final String roleWord;

    Action(String verb, String roleWord) {
        this.verb = verb;
        this.roleWord = roleWord;
    }

    /** The verb as people read it in a denial ("may not approve here"). */
    public String verb() {
        return verb;
    }

    /** The word for the group of people allowed ("approver group", "diagnose group"). */
    String roleWord() {
        return roleWord;
    }
}

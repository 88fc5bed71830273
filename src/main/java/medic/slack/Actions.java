package medic.slack;

/** The action ids of medic's buttons: messages put them on buttons, handlers listen for them. */
public final class Actions {
    public static final String APPROVE = "medic_approve";
    public static final String REJECT = "medic_reject";
    public static final String RERUN = "medic_rerun";
    public static final String SNOOZE = "medic_snooze";
    public static final String ROLLBACK = "medic_rollback";

    private Actions() {
    }
}

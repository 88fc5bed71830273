package medic.slack.action;

import medic.slack.ActionValue;

/** Reads a button's value strictly: only what medic wrote, and for Approve and Rollback only with a hash. */
final class ButtonValues {

    private ButtonValues() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static ActionValue decode(Button button, String raw) {
        ActionValue value = ActionValue.decode(raw);
        if (button.needsHash && value.proposalSha256() == null) {
            throw new IllegalArgumentException("the " + button.verb + " button must name the exact proposal or "
                    + "change, and \"" + raw + "\" does not");
        }
        return value;
    }
}

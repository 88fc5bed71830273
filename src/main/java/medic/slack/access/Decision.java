package medic.slack.access;

/**
 * The answer to "may this user do this here?": on a denial the reason says what is missing and whom to ask;
 * on an allow it says why (listed by ID, member of a group), for the audit trail.
 */
public record Decision(boolean allowed, String reason) {

    public static Decision allow(String why) {
        return new Decision(true, why);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}

package medic.slack.command;

import java.util.List;
import java.util.Set;
import medic.slack.access.AccessPolicy;
import medic.slack.access.Grant;

/**
 * The permissions the Slack tests run with. In #ops-edge (C0OPS0001): alice (U0ALICE) may diagnose and
 * approve by ID, the on-call group S0ONCALL may diagnose, the leads group S0LEADS may approve. #random
 * (C0RANDOM1) is granted nothing. Four-eyes is on.
 */
public final class TestPolicy {

    public static final String OPS = "C0OPS0001";
    public static final String RANDOM = "C0RANDOM1";
    public static final String ALICE = "U0ALICE";
    public static final String BOB_ONCALL = "U0BOB";
    public static final String DAVE_LEAD = "W0DAVE";
    public static final String EVE_NOBODY = "U0EVE";
    public static final String ONCALL = "S0ONCALL";
    public static final String LEADS = "S0LEADS";

    private TestPolicy() {
    }

    public static AccessPolicy policy() {
        return new AccessPolicy(
                List.of(new Grant("access.diagnose[0]", Set.of(OPS), Set.of(ALICE), Set.of(ONCALL))),
                List.of(new Grant("access.approve[0]", Set.of(OPS), Set.of(ALICE), Set.of(LEADS))),
                true, "#ops-leads");
    }

    /** Group memberships at WireMock's usergroups.users.list. */
    public static void stubGroups(SlackTestApp slack) {
        slack.stubGroup(ONCALL, BOB_ONCALL);
        slack.stubGroup(LEADS, DAVE_LEAD);
    }
}

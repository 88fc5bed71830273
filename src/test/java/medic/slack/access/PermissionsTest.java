package medic.slack.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final String OPS = "C0OPS0001";
    private static final String RANDOM = "C0RANDOM1";
    private static final Grant DIAGNOSE = new Grant("access.diagnose[0]", Set.of(OPS, "G0PRIVATE"),
            Set.of(), Set.of("S0ONCALL"));
    private static final Grant APPROVE = new Grant("access.approve[0]", Set.of(OPS), Set.of("U0ALICE"),
            Set.of("S0LEADS"));

    private final FakeGroups groups = new FakeGroups().with("S0ONCALL", "U0BOB", "U0CAROL")
            .with("S0LEADS", "W0DAVE");
    private final Permissions permissions = new Permissions(
            new AccessPolicy(List.of(DIAGNOSE), List.of(APPROVE), true, "#ops-leads"), groups);

    @Test
    void allows_a_user_listed_by_id_in_a_granted_channel() {
        Decision decision = permissions.check(Action.APPROVE, "U0ALICE", OPS);
        assertTrue(decision.allowed(), decision.reason());
        assertEquals("U0ALICE is listed in access.approve[0].users", decision.reason());
        assertEquals(0, groups.lookups.get(), "a listed user needs no group lookup");
    }

    @Test
    void allows_a_member_of_a_granted_user_group() {
        Decision decision = permissions.check(Action.DIAGNOSE, "U0CAROL", "G0PRIVATE");
        assertTrue(decision.allowed(), decision.reason());
        assertEquals("U0CAROL is a member of user group S0ONCALL", decision.reason());
    }

    @Test
    void denies_a_user_who_is_neither_listed_nor_in_a_group() {
        Decision decision = permissions.check(Action.APPROVE, "U0BOB", OPS);
        assertFalse(decision.allowed());
        assertEquals("you are not in an approver group for this channel; ask #ops-leads", decision.reason());
    }

    @Test
    void denies_an_allowed_user_in_a_channel_no_grant_names() {
        Decision decision = permissions.check(Action.APPROVE, "U0ALICE", RANDOM);
        assertFalse(decision.allowed());
        assertEquals("medic does not take approve requests in this channel (C0RANDOM1); use <#C0OPS0001> "
                + "or ask #ops-leads", decision.reason());
    }

    @Test
    void approving_is_a_separate_permission_from_diagnosing() {
        assertTrue(permissions.check(Action.DIAGNOSE, "U0BOB", OPS).allowed());
        assertFalse(permissions.check(Action.APPROVE, "U0BOB", OPS).allowed());
    }

    @Test
    void denies_when_a_group_cannot_be_read_and_says_why() {
        Permissions withBrokenGroups = new Permissions(
                new AccessPolicy(List.of(DIAGNOSE), List.of(APPROVE), true, "#ops-leads"),
                new FakeGroups().failing("S0LEADS", "Slack refused usergroups.users.list for S0LEADS (ratelimited)"));
        Decision decision = withBrokenGroups.check(Action.APPROVE, "W0DAVE", OPS);
        assertFalse(decision.allowed());
        assertEquals("could not check your approver group membership (Slack refused usergroups.users.list for "
                + "S0LEADS (ratelimited)), so approve is denied for now; try again in a minute or ask #ops-leads",
                decision.reason());
    }

    @Test
    void a_readable_group_still_allows_when_another_group_fails() {
        Grant twoGroups = new Grant("access.approve[0]", Set.of(OPS), Set.of(), Set.of("S0BROKEN", "S0LEADS"));
        Permissions mixed = new Permissions(new AccessPolicy(List.of(), List.of(twoGroups), true, "#ops-leads"),
                new FakeGroups().failing("S0BROKEN", "timeout").with("S0LEADS", "W0DAVE"));
        assertTrue(mixed.check(Action.APPROVE, "W0DAVE", OPS).allowed());
        assertFalse(mixed.check(Action.APPROVE, "U0EVE", OPS).allowed());
    }

    @Test
    void nobody_may_act_when_no_grant_is_configured() {
        Permissions none = new Permissions(new AccessPolicy(List.of(), List.of(), true, "#ops-leads"), groups);
        Decision decision = none.check(Action.DIAGNOSE, "U0ALICE", OPS);
        assertFalse(decision.allowed());
        assertEquals("nobody may diagnose with medic yet (no access.diagnose grants are configured); "
                + "ask #ops-leads", decision.reason());
    }

    @Test
    void four_eyes_refuses_the_requester_as_approver() {
        Decision decision = permissions.checkApproval("U0ALICE", OPS, Optional.of("U0ALICE"));
        assertFalse(decision.allowed());
        assertTrue(decision.reason().startsWith("you asked for this change, so someone else must approve it"),
                decision.reason());
        assertTrue(permissions.checkApproval("W0DAVE", OPS, Optional.of("U0ALICE")).allowed());
        assertTrue(permissions.checkApproval("U0ALICE", OPS, Optional.empty()).allowed(),
                "an incident an alert opened has no requester");
    }

    @Test
    void four_eyes_can_be_turned_off() {
        Permissions alone = new Permissions(new AccessPolicy(List.of(), List.of(APPROVE), false, "#ops-leads"),
                groups);
        assertTrue(alone.checkApproval("U0ALICE", OPS, Optional.of("U0ALICE")).allowed());
    }

    @Test
    void four_eyes_does_not_hide_a_missing_permission() {
        Decision decision = permissions.checkApproval("U0BOB", OPS, Optional.of("U0BOB"));
        assertEquals("you are not in an approver group for this channel; ask #ops-leads", decision.reason());
    }
}

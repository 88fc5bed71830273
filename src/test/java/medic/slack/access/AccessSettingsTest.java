package medic.slack.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

    @Test
    void reads_one_grant_per_action_from_comma_separated_ids() {
        AccessPolicy policy = AccessSettings.policy(Map.of(
                "MEDIC_DIAGNOSE_CHANNELS", "C0OPS0001, G0PRIVATE",
                "MEDIC_DIAGNOSE_GROUPS", "S0ONCALL",
                "MEDIC_APPROVE_CHANNELS", "C0OPS0001",
                "MEDIC_APPROVE_USERS", "U0ALICE,W0DAVE,",
                "MEDIC_ACCESS_CONTACT", "#ops-leads"));

        assertEquals(Set.of("C0OPS0001", "G0PRIVATE"), policy.diagnose().get(0).channelIds());
        assertEquals(Set.of("S0ONCALL"), policy.diagnose().get(0).userGroupIds());
        assertEquals(Set.of("U0ALICE", "W0DAVE"), policy.approve().get(0).userIds());
        assertTrue(policy.fourEyes(), "four-eyes is on unless turned off");
        assertEquals("#ops-leads", policy.contact());
        assertEquals("U0ALICE is listed in MEDIC_APPROVE_USERS",
                new Permissions(policy, group -> Set.of()).check(Action.APPROVE, "U0ALICE", "C0OPS0001").reason());
    }

    @Test
    void nothing_configured_means_nobody_may_act() {
        AccessPolicy policy = AccessSettings.policy(Map.of());
        assertTrue(policy.diagnose().isEmpty());
        assertTrue(policy.approve().isEmpty());
        assertEquals("medic's operators", policy.contact());
    }

    @Test
    void names_the_environment_variable_holding_a_display_name() {
        AccessConfigException error = assertThrows(AccessConfigException.class, () -> AccessSettings.policy(Map.of(
                "MEDIC_APPROVE_CHANNELS", "C0OPS0001", "MEDIC_APPROVE_USERS", "alice")));
        assertTrue(error.getMessage().startsWith("MEDIC_APPROVE_USERS: \"alice\" is not a Slack member ID"),
                error.getMessage());
    }

    @Test
    void four_eyes_is_turned_off_only_by_false() {
        assertFalse(AccessSettings.policy(Map.of("MEDIC_FOUR_EYES", "false")).fourEyes());
        assertEquals("MEDIC_FOUR_EYES must be true or false, got \"no\"", assertThrows(AccessConfigException.class,
                () -> AccessSettings.policy(Map.of("MEDIC_FOUR_EYES", "no"))).getMessage());
    }
}

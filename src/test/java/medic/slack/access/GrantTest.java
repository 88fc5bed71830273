package medic.slack.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantTest {

    @Test
    void refuses_a_display_name_where_a_member_id_belongs() {
        AccessConfigException error = assertThrows(AccessConfigException.class,
                () -> new Grant("access.approve[0]", Set.of("C0OPS0001"), Set.of("@alice"), Set.of()));
        assertEquals("access.approve[0].users: \"@alice\" is not a Slack member ID (U... or W...; in Slack: the "
                + "profile's \u22ee menu, Copy member ID); names can be changed, IDs cannot, so medic only takes IDs",
                error.getMessage());
    }

    @Test
    void refuses_a_channel_name_where_a_channel_id_belongs() {
        AccessConfigException error = assertThrows(AccessConfigException.class,
                () -> new Grant("access.diagnose[1]", Set.of("#ops"), Set.of("U0ALICE"), Set.of()));
        assertEquals(true, error.getMessage().startsWith("access.diagnose[1].channels: \"#ops\" is not a Slack "
                + "channel ID"), error.getMessage());
    }

    @Test
    void refuses_a_group_handle_where_a_group_id_belongs() {
        assertThrows(AccessConfigException.class,
                () -> new Grant("access.approve[0]", Set.of("C0OPS0001"), Set.of(), Set.of("@oncall")));
    }

    @Test
    void refuses_a_grant_that_would_allow_nothing() {
        assertEquals("access.approve[0].channels is empty: name at least one channel ID, otherwise this grant "
                + "allows nothing", assertThrows(AccessConfigException.class,
                () -> new Grant("access.approve[0]", Set.of(), Set.of("U0ALICE"), Set.of())).getMessage());
        assertEquals("access.approve[0] names no users and no groups: add member IDs to access.approve[0].users "
                + "or user group IDs to access.approve[0].groups", assertThrows(AccessConfigException.class,
                () -> new Grant("access.approve[0]", Set.of("C0OPS0001"), Set.of(), Set.of())).getMessage());
    }

    @Test
    void trims_ids_copied_with_spaces() {
        Grant grant = new Grant("access.approve[0]", Set.of(" C0OPS0001"), Set.of("U0ALICE "), Set.of());
        assertEquals(Set.of("C0OPS0001"), grant.channelIds());
        assertEquals(Set.of("U0ALICE"), grant.userIds());
    }
}

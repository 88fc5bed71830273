package medic.slack.access;

import java.util.Set;

/** Who is in a Slack user group right now (Slack's usergroups.users.list). */
@FunctionalInterface
public interface UserGroupMembers {

    /**
     * The user IDs in the group.
     *
     * @throws GroupLookupException when membership cannot be read; permissions then deny, naming the cause
     */
    Set<String> members(String userGroupId);
}

package medic.slack.access;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.io.IOException;
import java.util.Set;

/** Reads a user group's members with usergroups.users.list (the bot token needs the usergroups:read scope). */
public final class SlackUserGroupMembers implements UserGroupMembers {

    private final MethodsClient slack;

    public SlackUserGroupMembers(MethodsClient slack) {
        this.slack = slack;
    }

    @Override
    public Set<String> members(String userGroupId) {
        UsergroupsUsersListResponse response;
        try {
            response = slack.usergroupsUsersList(request -> request.usergroup(userGroupId));
        } catch (SlackApiException e) {
            throw new GroupLookupException("Slack answered usergroups.users.list for " + userGroupId + " with HTTP "
                    + e.getResponse().code() + retryHint(e), e);
        } catch (IOException e) {
            throw new GroupLookupException("could not reach Slack to read user group " + userGroupId + ": "
                    + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new GroupLookupException(explain(userGroupId, response));
        }
        return response.getUsers() == null ? Set.of() : Set.copyOf(response.getUsers());
    }

    private static String explain(String userGroupId, UsergroupsUsersListResponse response) {
        String error = response.getError();
        String base = "Slack refused usergroups.users.list for " + userGroupId + " (" + error + ")";
        if ("missing_scope".equals(error)) {
            return base + ": the bot token needs the usergroups:read scope";
        }
        if ("no_such_subteam".equals(error)) {
            return base + ": no such user group; fix the group ID in medic's access settings";
        }
        return base;
    }

    private static String retryHint(SlackApiException e) {
        String retryAfter = e.getResponse().header("Retry-After");
        return retryAfter == null ? "" : " (rate limited; Slack asks to retry after " + retryAfter + " s)";
    }
}

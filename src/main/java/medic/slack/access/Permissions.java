package medic.slack.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a Slack user may diagnose or approve in a channel, by Slack IDs only. A grant applies when it
 * names the channel; the user then needs to be listed in it or be a member of one of its groups. A group whose
 * members cannot be read grants nothing, and the denial says so.
 */
public final class Permissions {

    private final AccessPolicy policy;
    private final UserGroupMembers groups;

    public Permissions(AccessPolicy policy, UserGroupMembers groups) {
        this.policy = policy;
        this.groups = groups;
    }

    public Decision check(Action action, String userId, String channelId) {
        List<Grant> grants = policy.grants(action);
        Objects.requireNonNull(userId, "userId");
        if (grants.isEmpty()) {
            return Decision.deny("nobody may " + action.verb() + " with medic yet (no access."
                    + action.verb() + " grants are configured); ask " + policy.contact());
        }
        if (channelId == null || channelId.isBlank()) {
            return Decision.deny("medic only takes " + action.verb() + " requests made in a channel; use "
                    + channelsOf(grants) + " or ask " + policy.contact());
        }
        List<Grant> here = grants.stream().filter(grant -> grant.coversChannel(channelId)).toList();
        if (here.isEmpty()) {
            return Decision.deny("medic does not take " + action.verb() + " requests in this channel ("
                    + channelId + "); use " + channelsOf(grants) + " or ask " + policy.contact());
        }
        for (Grant grant : here) {
            if (grant.listsUser(userId)) {
                return Decision.allow(grant.userIds().contains(userId)
                        ? userId + " is listed in " + Grant.field(grant.setting(), "users")
                        : "anyone in this channel may " + action.verb());
            }
        }
        Set<String> groupIds = new LinkedHashSet<>();
        here.forEach(grant -> groupIds.addAll(grant.userGroupIds()));
        String failure = null;
        for (String groupId : groupIds) {
            try {
                if (groups.members(groupId).contains(userId)) {
                    return Decision.allow(userId + " is a member of user group " + groupId);
                }
            } catch (GroupLookupException e) {
                failure = failure == null ? e.getMessage() : failure + "; " + e.getMessage();
            }
        }
        if (failure != null) {
            return Decision.deny("could not check your " + action.roleWord() + " group membership (" + failure
                    + "), so " + action.verb() + " is denied for now; try again in a minute or ask "
                    + policy.contact());
        }
        return Decision.deny("you are not in an " + article(action) + " group for this channel; ask "
                + policy.contact());
    }

    /**
     * {@link #check} for {@link Action#APPROVE}, plus the four-eyes rule when it is on: whoever asked for the
     * change may not approve it. An incident an alert opened has no requester.
     */
    public Decision checkApproval(String approverId, String channelId, Optional<String> requesterId) {
        Decision decision = check(Action.APPROVE, approverId, channelId);
        if (decision.allowed() && policy.fourEyes() && requesterId.filter(approverId::equals).isPresent()) {
            return Decision.deny("you asked for this change, so someone else must approve it (four-eyes rule); "
                    + "ask another approver in this channel or " + policy.contact());
        }
        return decision;
    }

    private static String article(Action action) {
        return action == Action.APPROVE ? "approver" : "allowed " + action.roleWord();
    }

    private static String channelsOf(List<Grant> grants) {
        return grants.stream().flatMap(grant -> grant.channelIds().stream()).distinct().sorted()
                .map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }
}

package medic.slack.access;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One permission grant: in these channels, these users and the members of these user groups may act. Only
 * Slack's immutable IDs are accepted (C.../G... channels, U.../W... users, S... groups): display names and
 * channel names can be changed by anyone who owns them, so a grant on a name could be taken over.
 *
 * @param setting the setting the IDs came from (e.g. {@code access.approve[0]}), named in errors
 */
public record Grant(String setting, Set<String> channelIds, Set<String> userIds, Set<String> userGroupIds) {
    private static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,20}");
    /** In {@code userIds}: anyone in the grant's channels (e.g. who may diagnose, when no users are listed). */
    public static final String ANYONE = "*";
    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}|\\*");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,20}");

    public Grant {
        channelIds = validated(field(setting, "channels"), channelIds, CHANNEL,
                "a Slack channel ID (C... or G...; in Slack: channel details, at the bottom)");
        userIds = validated(field(setting, "users"), userIds, USER,
                "a Slack member ID (U... or W...; in Slack: the profile's \u22ee menu, Copy member ID)");
        userGroupIds = validated(field(setting, "groups"), userGroupIds, GROUP,
                "a Slack user group ID (S...; from usergroups.list, or the group's URL)");
        if (channelIds.isEmpty()) {
            throw new AccessConfigException(field(setting, "channels") + " is empty: name at least one channel ID, "
                    + "otherwise this grant allows nothing");
        }
        if (userIds.isEmpty() && userGroupIds.isEmpty()) {
            throw new AccessConfigException(setting + " names no users and no groups: add member IDs to "
                    + field(setting, "users") + " or user group IDs to " + field(setting, "groups"));
        }
    }

    /** {@code access.approve[0].users} for a YAML path, {@code MEDIC_APPROVE_USERS} for an environment name. */
    static String field(String setting, String name) {
        return setting.equals(setting.toUpperCase(Locale.ROOT)) ? setting + "_" + name.toUpperCase(Locale.ROOT)
                : setting + "." + name;
    }

    /** A grant to anyone in the channels (the setting's users and groups were left empty). */
    public static Grant anyoneIn(String setting, Set<String> channelIds) {
        return new Grant(setting, channelIds, Set.of(ANYONE), Set.of());
    }

    /** True when the grant lists the user, or anyone. */
    public boolean listsUser(String userId) {
        return userIds.contains(userId) || userIds.contains(ANYONE);
    }

    public boolean coversChannel(String channelId) {
        return channelIds.contains(channelId);
    }

    private static Set<String> validated(String setting, Set<String> ids, Pattern pattern, String expected) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids == null ? Set.<String>of() : ids) {
            String trimmed = id == null ? "" : id.strip();
            if (!pattern.matcher(trimmed).matches()) {
                throw new AccessConfigException(setting + ": \"" + id + "\" is not " + expected
                        + "; names can be changed, IDs cannot, so medic only takes IDs");
            }
            result.add(trimmed);
        }
        return Set.copyOf(result);
    }
}

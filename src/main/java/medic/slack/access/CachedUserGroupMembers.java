package medic.slack.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each group's members for a short time, so a burst of clicks costs one Slack call per group. Only
 * answers are cached, never failures: the next check asks Slack again. The time-to-live bounds how long
 * someone removed from a group keeps their permission.
 */
public final class CachedUserGroupMembers implements UserGroupMembers {

    private record Entry(Set<String> members, Instant readAt) {
    }

    private final UserGroupMembers slack;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedUserGroupMembers(UserGroupMembers slack, Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative()) {
            throw new AccessConfigException("access.group-cache-ttl must not be negative, got " + timeToLive);
        }
        this.slack = slack;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Set<String> members(String userGroupId) {
        Instant now = clock.instant();
        Entry cached = entries.get(userGroupId);
        if (cached != null && now.isBefore(cached.readAt().plus(timeToLive))) {
            return cached.members();
        }
        Set<String> members = slack.members(userGroupId);
        entries.put(userGroupId, new Entry(members, now));
        return members;
    }
}

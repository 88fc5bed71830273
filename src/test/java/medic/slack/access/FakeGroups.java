package medic.slack.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** User groups the test defines; a group can be told to fail its lookup, and lookups are counted. */
final class FakeGroups implements UserGroupMembers {

    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    FakeGroups with(String groupId, String... userIds) {
        members.put(groupId, Set.of(userIds));
        return this;
    }

    FakeGroups failing(String groupId, String reason) {
        failures.put(groupId, reason);
        return this;
    }

    @Override
    public Set<String> members(String userGroupId) {
        lookups.incrementAndGet();
        if (failures.containsKey(userGroupId)) {
            throw new GroupLookupException(failures.get(userGroupId));
        }
        return members.getOrDefault(userGroupId, Set.of());
    }
}

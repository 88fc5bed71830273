package medic.server;

import java.time.Duration;
import java.util.List;

/**
 * Who may ask medic for a diagnosis and who may approve a change, by immutable Slack IDs (channels C/G..., users
 * U/W..., user groups S...), never by names, which people can change.
 *
 * @param diagnoseChannels empty: only medic's own channel
 * @param fourEyes         whoever asked for the diagnosis may not approve its change
 * @param approvalTtl      how long an Approve button stays valid
 */
public record AccessSettings(List<String> diagnoseChannels, List<String> diagnoseUsers, List<String> diagnoseGroups,
        List<String> approveUsers, List<String> approveGroups, boolean fourEyes, Duration approvalTtl) {
    public AccessSettings {
        diagnoseChannels = List.copyOf(diagnoseChannels);
        diagnoseUsers = List.copyOf(diagnoseUsers);
        diagnoseGroups = List.copyOf(diagnoseGroups);
        approveUsers = List.copyOf(approveUsers);
        approveGroups = List.copyOf(approveGroups);
    }

    /** True when nobody at all may approve (a read-only deployment). */
    public boolean nobodyApproves() {
        return approveUsers.isEmpty() && approveGroups.isEmpty();
    }
}
